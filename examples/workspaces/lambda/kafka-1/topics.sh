#!/bin/sh
# The topics of this cluster, created once the brokers are up.
set -e
kafka-topics.sh --bootstrap-server kafka-1:9092 --create --topic logs --partitions 3 --replication-factor 3
