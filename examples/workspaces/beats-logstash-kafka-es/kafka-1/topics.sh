#!/bin/sh
set -e
kafka-topics.sh --bootstrap-server kafka-1:9092 --create --topic logs \
  --partitions 3 --replication-factor 3 --config min.insync.replicas=2
