#!/bin/sh
set -e
# Keep records long enough to outlast any outage: 7 days, Kafka's default (log.retention.hours=168).
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 1 --replication-factor 1 --config retention.ms=604800000 --config segment.ms=5000
