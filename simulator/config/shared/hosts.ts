/** `host:port` addresses as the real files write them: `logstash:5044`, `http://es:9200`, `//127.0.0.1`. */

export interface HostPort {
  host: string;
  port: number;
  /** As written. */
  text: string;
}

export function parseHostPort(text: string, defaultPort: number): HostPort {
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  const hostPort = withoutScheme.split('/')[0]!.replace(/^.*@/, '');
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostPort);
  if (!m) return { host: hostPort, port: defaultPort, text };
  return { host: m[1]!, port: m[2] !== undefined ? Number(m[2]) : defaultPort, text };
}
