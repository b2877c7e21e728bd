#!/bin/sh
set -e
# Six partitions from the start, one for each indexer: the key → partition mapping never changes
# during the run, so each URL's requests stay in one partition, in order.
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 6 --replication-factor 1
