#!/bin/sh
# The topics of this cluster, created once the brokers are up.
set -e
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 4 --replication-factor 1
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic out --partitions 1 --replication-factor 1
