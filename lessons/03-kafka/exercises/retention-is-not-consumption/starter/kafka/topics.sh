#!/bin/sh
set -e
# "We read it right away, why keep it?": the topic keeps 15 s of records.
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 1 --replication-factor 1 --config retention.ms=15000
