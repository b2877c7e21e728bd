#!/bin/sh
set -e
# Three partitions, as the topic was created when one indexer was enough.
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 3 --replication-factor 1
