#!/bin/sh
# The on-call runbook for this run: each command ends with the time it is typed (since the start).
# The indexers fall behind: six of them share three partitions, so three sit idle. Give them six.
kafka-topics.sh --bootstrap-server kafka:9092 --alter --topic logs --partitions 6   # at 60s, a minute in
