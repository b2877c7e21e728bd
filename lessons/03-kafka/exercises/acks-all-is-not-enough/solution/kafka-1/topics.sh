#!/bin/sh
set -e
# One partition with a replica on each broker.
kafka-topics.sh --bootstrap-server kafka-1:9092 --create --topic logs --partitions 1 --replication-factor 3
