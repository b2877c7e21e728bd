#!/bin/sh
set -e
# Four partitions: after the rescale every one of the four source subtasks reads one.
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 4 --replication-factor 1 --config retention.ms=604800000  # 7 days
