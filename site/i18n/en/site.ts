/**
 * English strings of the site shell (home, lesson layout, navigation, diagrams, callouts).
 * A translation is a sibling folder with a `site.ts` of the same shape (see ../index.ts).
 * Placeholders in braces (`{n}`) are filled by `t(key, params)`.
 */
export const site = {
  'site.name': 'Pipeline Lab',
  'site.tagline': 'Break a data pipeline on purpose, and watch every record.',
  'site.description':
    'An interactive course on data pipelines that runs in your browser: edit a Filebeat → Logstash → Kafka → Flink pipeline, inject faults, and see what your delivery guarantees really did.',
  'site.skipLink': 'Skip to content',
  'site.nav.label': 'Site',
  'site.nav.home': 'Lessons',
  'site.footer.text': 'Pipeline Lab runs entirely in your browser. Every run is simulated and deterministic: same seed, same records.',

  'lang.switch.label': 'Language',
  'lang.switch.to': 'Read this page in {language}',
  'lang.untranslated': 'This lesson has not been translated into this language yet; it is shown in English.',
  'lang.untranslated.exercise': 'This exercise has not been translated into this language yet; it is shown in English.',

  'glossary.nav': 'Glossary',
  'glossary.title': 'Glossary',
  'glossary.lead': 'The terms this course uses, each with its English and Korean name and a one-line definition. Product and setting names are never translated.',
  'glossary.term': 'Term',
  'glossary.other': 'Korean',
  'glossary.definition': 'Definition',
  'glossary.section': 'Section',
  'glossary.link': 'Glossary of terms',

  'theme.toggle.label': 'Dark theme',
  'theme.toggle.toDark': 'Switch to dark theme',
  'theme.toggle.toLight': 'Switch to light theme',

  'home.title': 'Pipeline Lab: data pipelines, record by record',
  'home.lead':
    "You have written `acks=all` in a config file and hoped. Here you get to find out. Every lesson hands you a small pipeline — Filebeat, Logstash, Kafka, Flink, Elasticsearch, S3 — and a simulator that runs it in your browser, crashes what you tell it to crash, and accounts for every single record afterwards.",
  'home.points.label': 'What you will do',
  'home.point.edit': 'Edit real-looking configs: the knobs carry their real names (`acks`, `queue.type`, `execution.checkpointing.mode`).',
  'home.point.break': 'Inject faults: lossy links, broker crashes, a Flink restart halfway through a window.',
  'home.point.ledger': 'Read the ledger: which records were lost, duplicated, filtered or late — and where it happened.',
  'home.lessons.heading': 'Lessons',
  'home.start': 'Start the course',
  'home.continue': 'Continue where you left off: {title}',
  'home.length': '{lessons} lessons, about {hours} h {minutes} min in all',
  'lessons.index.title': 'All lessons',
  'lessons.index.summary': 'Every lesson of the course, in order.',
  'home.lessons.empty': 'No lessons have been published yet.',
  'home.lesson.number': 'Lesson {n}',
  'home.lesson.minutes': '{n} min',
  'home.lesson.exercises.one': '1 exercise',
  'home.lesson.exercises.many': '{n} exercises',
  'home.progress.label': 'Your progress',
  'home.progress.summary': '{passed} of {total} exercises passed',
  'home.progress.note': 'Progress is kept in this browser only.',

  'progress.none': 'Not started',
  'progress.attempted': 'Attempted',
  'progress.passed': 'Passed',
  'progress.partial': '{passed} of {total} passed',

  'lesson.meta.minutes': 'About {n} minutes',
  'lesson.meta.number': 'Lesson {n} of {total}',
  'lesson.objectives.heading': 'You will be able to',
  'lesson.toc.heading': 'On this page',
  'lesson.toc.label': 'Table of contents',
  'lesson.nav.label': 'Previous and next lesson',
  'lesson.nav.previous': 'Previous',
  'lesson.nav.next': 'Next',
  'lesson.nav.allLessons': 'All lessons',
  'lesson.breadcrumb.label': 'Breadcrumb',

  'callout.note': 'Note',
  'callout.warning': 'Warning',
  'callout.real-world': 'In the real world',

  'diagram.title': 'Pipeline topology of “{exercise}”',
  'diagram.summary': 'The starter pipeline has {nodes} nodes and {edges} connections, with data flowing left to right.',
  'diagram.nodeDescription': '{id} is a {type} node.',
  'diagram.edgeDescription': '{from} sends to {to}',
  'diagram.edgeDescriptionVia': '{from} sends to {to} ({via})',
  'diagram.noEdges': 'The nodes are not connected.',
  'diagram.missing': 'Diagram unavailable: no exercise called “{exercise}”.',
  'diagram.invalid': 'Diagram unavailable: the starter pipeline of “{exercise}” does not parse.',
  'diagram.type.beats': 'Filebeat',
  'diagram.type.logstash': 'Logstash',
  'diagram.type.kafka': 'Kafka',
  'diagram.type.consumer': 'consumer app',
  'diagram.type.flink': 'Flink job',
  'diagram.type.elasticsearch': 'Elasticsearch',
  'diagram.type.s3': 'S3 bucket',
  'diagram.type.batch': 'batch job',
  'diagram.type.serving': 'serving view',

  'notFound.title': 'Page not found',
  'notFound.heading': '404: this record was never delivered',
  'notFound.body': 'We looked in every queue, log and index. The page you asked for is not in any of them — it may have moved, or the link had a typo.',
  'notFound.home': 'Back to the lessons',
} as const;

export type SiteMessages = { readonly [K in keyof typeof site]: string };
