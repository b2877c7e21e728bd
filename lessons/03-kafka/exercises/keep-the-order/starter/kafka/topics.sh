#!/bin/sh
set -e
# One partition: one order. A session tracker downstream needs the requests in the order they happened.
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 1 --replication-factor 1
