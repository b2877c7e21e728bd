/** The Export button (exercises and the Lab) and the Lab's import of real configuration files. */
export const exportMessages = {
  'export.button': 'Export for real engines',
  'export.button.title': 'Download a zip: the real configuration files, compose.yaml, a log generator, FAULTS.md and README.md',
  'export.done': 'Downloaded {file}: unzip it and run docker compose up -d (its README.md says what to compare).',
  'export.refused': 'This pipeline cannot be exported as real files:',
  'export.invalid': 'Fix the pipeline first: it does not run in the simulator either.',
  'import.title': 'Import real configuration files',
  'import.intro': 'Drop a folder of real configs (filebeat.yml, Logstash *.conf, server.properties, job.sql, …) or an exported zip here, or pick them. They are checked like the editor checks them; without world.yaml the pipeline gets a default workload and no faults, which you can edit.',
  'import.drop': 'Drop a folder or a zip here',
  'import.pickFiles': 'Choose files or a zip',
  'import.pickFolder': 'Choose a folder',
  'import.reading': 'Reading {n} files…',
  'import.ok': 'Imported {n} files: the pipeline is in the editor; press Run once.',
  'import.ok.world': 'Imported {n} files. There was no world.yaml: a default workload (100 lines/s for 60 s) and no faults were added; edit them in the editor, then press Run once.',
  'import.failed': 'The files do not compile ({n} problems):',
  'import.empty': 'No configuration files found there.',
} as const;
