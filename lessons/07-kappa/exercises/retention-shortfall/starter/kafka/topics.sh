#!/bin/sh
set -e
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 1 --replication-factor 1 --config retention.ms=20000 --config segment.ms=5000  # "the live job is never more than a second behind"
