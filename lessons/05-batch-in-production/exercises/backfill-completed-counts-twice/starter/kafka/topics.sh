#!/bin/sh
set -e
kafka-topics.sh --bootstrap-server kafka:9092 --create --topic logs --partitions 1 --replication-factor 1
