/**
 * Unit tests compile workspaces synchronously, as the Node CLIs do: provide dt-sql-parser at start
 * (the browser worker loads it lazily, see simulator/config/flink/sql-runtime.ts).
 */
import '../../simulator/config/flink/sql-runtime-node.js';
