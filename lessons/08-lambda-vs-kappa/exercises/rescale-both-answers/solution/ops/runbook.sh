#!/bin/sh
# The rescale, as the on-call engineer typed it: stop each job with a savepoint, then run it from there with four subtasks.
# The job ids are the ones curl localhost:8081/jobs shows on each cluster.
flink stop --savepointPath s3://flink/savepoints 376298ae5fb5b41d59d2bbaa2cb510d1   # at 33s, the rescale starts
flink stop --savepointPath s3://flink/savepoints f3d70f3d494c2ec297fb64454ae80ce2   # at 33s, the rescale starts
# The paths each stop printed: window state and Kafka offsets as of the savepoint.
flink run -s s3://flink/savepoints/savepoint-376298-a287a0ad82fc -p 4 /opt/flink/usrlib/job.jar   # at 35s, two seconds later
flink run -s s3://flink/savepoints/savepoint-f3d70f-b7ad758f0f82 -p 4 /opt/flink/usrlib/job.jar   # at 35s, two seconds later
