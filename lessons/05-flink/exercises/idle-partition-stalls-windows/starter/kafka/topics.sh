#!/bin/sh
set -e
# Room to grow: only 6 status codes today.
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 8 --replication-factor 1
