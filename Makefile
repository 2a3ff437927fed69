# The two set-up commands of the README. Each installs what is missing first, so a fresh Debian or
# Ubuntu machine needs nothing else; on a set-up machine the install steps find nothing to do.

.PHONY: run test setup

## Start the desktop app in demo mode (simulated shop and warehouse on loopback).
run:
	scripts/run.sh

## Install what is missing, run every test layer, print a summary with each layer's time.
test:
	scripts/test.sh

## Only install what is missing (system packages, npm packages, tauri-driver).
setup:
	scripts/setup.sh
