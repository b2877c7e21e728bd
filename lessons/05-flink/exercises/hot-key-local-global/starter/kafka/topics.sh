#!/bin/sh
set -e
# Four partitions: keyed by client address, every one of them gets records all the time.
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 4 --replication-factor 1
