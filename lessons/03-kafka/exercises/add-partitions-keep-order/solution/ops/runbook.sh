#!/bin/sh
# The on-call runbook for this run: each command ends with the time it is typed (since the start).
# Nothing to type: the topic was created with a partition for every indexer.
