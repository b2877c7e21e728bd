#!/bin/sh
set -e
# Two partitions; retention is the broker's default, a week (log.retention.hours=168).
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 2 --replication-factor 1
