#!/bin/sh
set -e
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 1 --replication-factor 1 --config retention.ms=604800000 --config segment.ms=5000  # 7 days: keep all the history a replay may need
