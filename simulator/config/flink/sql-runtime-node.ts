/**
 * Node programs (the CLI, lessons:check, the site's build-time pages, tests): dt-sql-parser
 * provided synchronously at import, so every compile can parse job.sql at once. Browser code never
 * imports this file; the worker loads the parser lazily (sql-runtime.ts).
 */
import { FlinkSQL } from 'dt-sql-parser/dist/parser/flink';
import * as grammar from 'dt-sql-parser/dist/lib/flink/FlinkSqlParser';
import { provideFlinkSqlRuntime } from './sql-runtime.js';

provideFlinkSqlRuntime({ FlinkSQL, grammar });
