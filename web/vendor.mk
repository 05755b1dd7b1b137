# Vendoring of the web app's browser libraries; included by the top-level Makefile.
# `make vendor` installs the pinned npm packages (package-lock.json) and copies
# the files the app serves into src/mosaic/web/static/vendor/ (committed, so a
# plain `pip install` works without Node.js; re-run after changing versions).
NPM ?= npm
WEB_VENDOR := src/mosaic/web/static/vendor

.PHONY: vendor

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	$(NPM) ci --prefix web --no-audit --no-fund

$(WEB_VENDOR)/.stamp: web/node_modules/.package-lock.json web/build.mjs
	node web/build.mjs
	touch $@

vendor: $(WEB_VENDOR)/.stamp
