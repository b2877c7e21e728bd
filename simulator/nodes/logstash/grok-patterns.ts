/**
 * Our grok pattern set: named building blocks that expand to JavaScript regular
 * expressions (SEMANTICS §2 `grok` [LS5]). Written for this course after the shape of
 * the classic Logstash patterns; every group inside is non-capturing, so only the
 * `%{NAME:field}` references in a user's pattern capture anything.
 *
 * One deliberate naming choice: the Apache patterns capture the status code as `status`
 * (the classic set calls it `response`), matching `workload.key: status` and the
 * course's queries, so a parsed event keys the same way as the ground truth.
 */
export const GROK_PATTERNS: Readonly<Record<string, string>> = {
  // Words and text
  WORD: String.raw`\b\w+\b`,
  NOTSPACE: String.raw`\S+`,
  SPACE: String.raw`\s*`,
  DATA: String.raw`.*?`,
  GREEDYDATA: String.raw`.*`,
  QUOTEDSTRING: String.raw`(?:"(?:\\.|[^\\"])*"|'(?:\\.|[^\\'])*')`,
  QS: '%{QUOTEDSTRING}',
  USERNAME: String.raw`[a-zA-Z0-9._-]+`,
  USER: '%{USERNAME}',
  EMAILADDRESS: String.raw`[a-zA-Z0-9!#$%&'*+/=?^_{|}~.-]+@%{HOSTNAME}`,
  LOGLEVEL: String.raw`(?:[Tt]race|TRACE|[Dd]ebug|DEBUG|[Ii]nfo|INFO|[Nn]otice|NOTICE|[Ww]arn(?:ing)?|WARN(?:ING)?|[Ee]rr(?:or)?|ERR(?:OR)?|[Cc]rit(?:ical)?|CRIT(?:ICAL)?|[Ff]atal|FATAL|[Ss]evere|SEVERE|[Aa]lert|ALERT|[Ee]merg(?:ency)?|EMERG(?:ENCY)?)`,

  // Numbers
  INT: String.raw`(?:[+-]?[0-9]+)`,
  BASE10NUM: String.raw`(?:[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+))`,
  NUMBER: '%{BASE10NUM}',
  POSINT: String.raw`\b[1-9][0-9]*\b`,
  NONNEGINT: String.raw`\b[0-9]+\b`,
  BASE16NUM: String.raw`(?:[+-]?(?:0x)?[0-9A-Fa-f]+)`,

  // Network
  IPV4: String.raw`(?<![0-9])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?![0-9])`,
  IPV6: String.raw`(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,7}:|(?:[0-9A-Fa-f]{1,4}:){1,6}:[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,5}(?::[0-9A-Fa-f]{1,4}){1,2}|(?:[0-9A-Fa-f]{1,4}:){1,4}(?::[0-9A-Fa-f]{1,4}){1,3}|(?:[0-9A-Fa-f]{1,4}:){1,3}(?::[0-9A-Fa-f]{1,4}){1,4}|(?:[0-9A-Fa-f]{1,4}:){1,2}(?::[0-9A-Fa-f]{1,4}){1,5}|[0-9A-Fa-f]{1,4}:(?::[0-9A-Fa-f]{1,4}){1,6}|:(?:(?::[0-9A-Fa-f]{1,4}){1,7}|:))`,
  IP: '(?:%{IPV6}|%{IPV4})',
  HOSTNAME: String.raw`\b(?:[0-9A-Za-z][0-9A-Za-z-]{0,62})(?:\.(?:[0-9A-Za-z][0-9A-Za-z-]{0,62}))*\.?\b`,
  IPORHOST: '(?:%{IP}|%{HOSTNAME})',
  HOSTPORT: '%{IPORHOST}:%{POSINT}',

  // Paths and URIs
  UNIXPATH: String.raw`(?:/[\w_%!$@:.,+~-]*)+`,
  URIPROTO: String.raw`[A-Za-z][A-Za-z0-9+.-]+`,
  URIHOST: '%{IPORHOST}(?::%{POSINT})?',
  URIPATH: String.raw`(?:/[A-Za-z0-9$.+!*'(){},~:;=@#%&_-]*)+`,
  URIPARAM: String.raw`\?[A-Za-z0-9$.+!*'|(){},~@#%&/=:;_?\[\]<>-]*`,
  URIPATHPARAM: '%{URIPATH}(?:%{URIPARAM})?',
  URI: '%{URIPROTO}://(?:%{USER}(?::[^@]*)?@)?(?:%{URIHOST})?(?:%{URIPATHPARAM})?',

  // Dates and times
  MONTH: String.raw`\b(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|[Mm]ay|[Jj]un(?:e)?|[Jj]ul(?:y)?|[Aa]ug(?:ust)?|[Ss]ep(?:tember)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)\b`,
  MONTHNUM: String.raw`(?:0?[1-9]|1[0-2])`,
  MONTHDAY: String.raw`(?:0[1-9]|[12][0-9]|3[01]|[1-9])`,
  DAY: String.raw`(?:Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)`,
  YEAR: String.raw`(?:\d\d){1,2}`,
  HOUR: String.raw`(?:2[0123]|[01]?[0-9])`,
  MINUTE: String.raw`(?:[0-5][0-9])`,
  SECOND: String.raw`(?:(?:[0-5]?[0-9]|60)(?:[:.,][0-9]+)?)`,
  TIME: '(?<![0-9])%{HOUR}:%{MINUTE}(?::%{SECOND})(?![0-9])',
  ISO8601_TIMEZONE: '(?:Z|[+-]%{HOUR}(?::?%{MINUTE}))',
  TIMESTAMP_ISO8601: '%{YEAR}-%{MONTHNUM}-%{MONTHDAY}[T ]%{HOUR}:?%{MINUTE}(?::?%{SECOND})?%{ISO8601_TIMEZONE}?',
  HTTPDATE: '%{MONTHDAY}/%{MONTH}/%{YEAR}:%{TIME} %{INT}',
  SYSLOGTIMESTAMP: '%{MONTH} +%{MONTHDAY} %{TIME}',

  // Apache / NCSA access logs
  HTTPDUSER: '(?:%{EMAILADDRESS}|%{USER})',
  COMMONAPACHELOG:
    '%{IPORHOST:clientip} %{HTTPDUSER:ident} %{HTTPDUSER:auth} \\[%{HTTPDATE:timestamp}\\] "(?:%{WORD:verb} %{NOTSPACE:request}(?: HTTP/%{NUMBER:httpversion})?|%{DATA:rawrequest})" %{NUMBER:status} (?:%{NUMBER:bytes}|-)',
  COMBINEDAPACHELOG: '%{COMMONAPACHELOG} %{QS:referrer} %{QS:agent}',
};
