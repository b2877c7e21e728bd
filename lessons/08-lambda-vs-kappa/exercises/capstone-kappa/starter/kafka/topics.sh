#!/bin/sh
set -e
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 2 --replication-factor 1 --config retention.ms=604800000  # 7 days
