#!/bin/sh
# The rescale, as the on-call engineer typed it: cancel each job, then submit it again with four subtasks.
# The job ids are the ones curl localhost:8081/jobs shows on each cluster.
flink cancel -m speed:8081 376298ae5fb5b41d59d2bbaa2cb510d1     # at 33s, the rescale starts
flink cancel -m stream:8081 f3d70f3d494c2ec297fb64454ae80ce2    # at 33s, the rescale starts
flink run -m speed:8081 -p 4 /opt/flink/usrlib/job.jar          # at 35s, two seconds later
flink run -m stream:8081 -p 4 /opt/flink/usrlib/job.jar         # at 35s, two seconds later
