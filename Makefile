# The commands README.md names. `make run` and `make test` set up a fresh
# Debian 12 machine themselves (as root, or through sudo).

SHELL       := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# Go and Node are the two things the Makefile does not install: when one is
# missing or too old, say so in one line before anything runs (.ci/need.sh).
ifneq ($(LAIFANG_NEED_OK)$(filter-out clean,$(or $(MAKECMDGOALS),run)),)
ifneq ($(LAIFANG_NEED_OK),1)
NEED := $(shell .ci/need.sh 2>&1)
$(if $(NEED),$(error $(NEED)))
export LAIFANG_NEED_OK := 1
endif
endif

WAILS_VERSION := v2.16.0
GOBIN         := $(shell go env GOPATH)/bin
WAILS         := $(GOBIN)/wails
# The release's version is wails.json's info.productVersion (embedded by
# main.go); a build that is not the tag v<release> itself adds the commit as
# a suffix (0.1.0+4272030, 0.1.0+4272030.dirty).
RELEASE       := $(shell sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
COMMIT        := $(shell git describe --exact-match --tags --match 'v$(RELEASE)' >/dev/null 2>&1 && git diff --quiet HEAD 2>/dev/null || { git rev-parse --short HEAD 2>/dev/null | tr -d '\n'; git diff --quiet HEAD 2>/dev/null || printf .dirty; })
VERSION       := $(RELEASE)$(if $(COMMIT),+$(COMMIT))
LDFLAGS       := -w -s -X main.commit=$(COMMIT)
# Newer Debian has only WebKitGTK 4.1; Debian 12 has both.
LINUX_TAGS    := desktop,production,webkit2_41
SUDO          := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN           := build/bin

# What building the window needs, and what the tests need on top:
# a virtual display, a session bus and tools to look at it, Chromium for Playwright,
# poppler for printed pages, NSIS for the Windows installer.
BUILD_DEBS := build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev fonts-noto-cjk
TEST_DEBS  := xvfb xauth xdotool imagemagick dbus-daemon chromium poppler-utils nsis libreoffice-calc-nogui libreoffice-writer-nogui unzip desktop-file-utils
# The .debs (icons resized, the menu entry checked) and the arm64 build: a
# cross gcc, and qemu to start it.
DIST_DEBS  := imagemagick desktop-file-utils gcc-aarch64-linux-gnu qemu-user-static
DIST          := build/dist
# Debian's arm64 GTK/WebKitGTK for the cross build, kept between runs on this machine.
SYSROOT_ARM64 ?= $(HOME)/.cache/laifang-sysroot-arm64

.PHONY: run test build windows dist-windows setup-build setup-test deps-build deps-test \
        check-go check-frontend check-bindings e2e-serve letters-render e2e-bridge desktop-smoke smoke-bin e2e-follow clean vs-sqlite \
        check-need deb-check deps-dist dist sysroot-arm64 build-arm64 arm64-check

## run: set up, build and open the window on the usual data file (DATA=dir to choose)
run: setup-build build
	$(BIN)/laifang $(if $(DATA),--data "$(DATA)")

## test: set up and run every check CI runs
test: setup-test
	@start=$$(date +%s); \
	LAIFANG_NSIS_QUICK=1 $(MAKE) --no-print-directory check-need check-go check-frontend check-bindings build e2e-serve letters-render desktop-smoke e2e-follow e2e-bridge deb-check windows; \
	echo "make test: all checks passed in $$(( $$(date +%s) - start )) s"

## vs-sqlite: issue 17's side-by-side of the store with SQLite (opt-in, not in test; docs/PERFORMANCE.md §2.8)
# VS_VISITS visits in VS_DIR (the store benchmarks' file, made when missing),
# VS_SAMPLES of each query. A module of its own (cgo, SQLite's FTS5).
VS_VISITS  ?= 1000000
VS_DIR     ?= /tmp/lfbench
VS_SAMPLES ?= 200
vs-sqlite:
	cd store/sqlitecmp && LAIFANG_BENCH_DIR=$(VS_DIR) LAIFANG_BENCH_VISITS=$(VS_VISITS) \
	  go test -tags sqlite_fts5 -run '^$$' -bench SideBySide -benchtime $(VS_SAMPLES)x -timeout 0

## build: the Linux binary in build/bin/laifang
build: frontend/dist/index.html
	go build -tags $(LINUX_TAGS) -ldflags "$(LDFLAGS)" -o $(BIN)/laifang .

## windows: cross-compile build/bin/laifang.exe (the window) and laifang-cli.exe
## (the commands, for cmd and scheduled tasks), the installer where makensis
## is, and the portable zip; then check what was built
windows: frontend/dist/index.html $(WAILS)
	build/windows/build.sh $(WAILS) "$(LDFLAGS)" $(RELEASE)
	.ci/windows-check.sh $(BIN)

## dist-windows: the Windows installer and portable zip into build/dist
dist-windows: windows
	@mkdir -p $(DIST)
	cp $(BIN)/laifang-amd64-installer.exe $(DIST)/laifang-$(VERSION)-windows-amd64-setup.exe
	cp $(BIN)/laifang-windows-portable.zip $(DIST)/laifang-$(VERSION)-windows-amd64-portable.zip

# `wails generate module` leaves every file of frontend/wailsjs mode 0755
# (it ends with fs.SetPermissions(wailsjs, 0755)) and that is how they are
# committed; `wails build` extracts wailsjs/runtime again with 0644, which
# git sees as a change. Put the generator's modes back after a build. The
# build is also told to leave go.mod alone (-m: no `go mod tidy`,
# -nosyncgomod: no version rewrite); check-go fails on an untidy go.mod
# instead of letting a build fix it in the working tree.
WAILSJS_MODES := chmod -R 0755 frontend/wailsjs

# The frontend build, redone when its sources change.
frontend/dist/index.html: frontend/node_modules/.package-lock.json $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/wailsjs -type f 2>/dev/null)
	cd frontend && npm run build

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

setup-build: deps-build $(WAILS) frontend/node_modules/.package-lock.json
setup-test: deps-build deps-test $(WAILS) frontend/node_modules/.package-lock.json

# apt-get only when something is missing, so a second run costs nothing.
define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef
deps-build:
	$(call apt_install,$(BUILD_DEBS))
deps-test:
	$(call apt_install,$(TEST_DEBS))
deps-dist:
	$(call apt_install,$(DIST_DEBS))

# Pinned exactly: the module proxy's version list does not show v2.16.0.
$(WAILS):
	go install github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VERSION)

check-go:
	@go mod tidy -diff || { echo "go.mod/go.sum are not tidy: run 'go mod tidy' and commit them"; exit 1; }
	go vet ./...
	go test -race ./...
	go vet -tags smoketest . ./app
	go test -tags smoketest ./app -run TestTheTestHook
	go test -tags console . -run TestTheConsoleProgram
	go test ./app/cli -run TestDamagedCopiesAreRefusedInWords

check-frontend: frontend/node_modules/.package-lock.json
	cd frontend && npm run typecheck && npm test

# The committed bindings must be what the Go signatures generate.
check-bindings: $(WAILS)
	$(WAILS) generate module >/dev/null
	@$(WAILSJS_MODES)
	@git diff --exit-code --stat -- frontend/wailsjs || { echo "frontend/wailsjs is stale: run 'wails generate module' and commit it"; exit 1; }
	@test -z "$$(git status --porcelain -- frontend/wailsjs)" || { git status --short -- frontend/wailsjs; echo "frontend/wailsjs has new files: commit them"; exit 1; }

e2e-serve: build
	.ci/e2e-serve.sh $(BIN)/laifang

# Every built-in letter of a generated office rendered and measured: the
# print page to PDF in headless Chromium, the .docx to PDF by LibreOffice;
# A4, the text block at 28 × 37 mm, the first pages kept in build/letters.
letters-render: build
	.ci/letters-render.sh $(BIN)/laifang

# The smoke test's window signs itself in through app/testhook.go, which only
# a build with the smoketest tag carries; the release binary has no such door.
smoke-bin: build
	@! grep -qE 'LAIFANG_TEST_ADMIN_PASSWORD|laifang\.test-clock' $(BIN)/laifang || { echo "the release binary carries the smoke test's hook"; exit 1; }
	go build -tags $(LINUX_TAGS),smoketest -ldflags "$(LDFLAGS)" -o $(BIN)/laifang-smoke .

desktop-smoke: smoke-bin
	.ci/desktop-smoke.sh $(BIN)/laifang-smoke

# The follow-up in the browser with a date the test moves (app/testhook.go's
# clock): only the test build reads it.
e2e-follow: smoke-bin
	cd frontend && LAIFANG_BIN=$(abspath $(BIN)/laifang) LAIFANG_SMOKE_BIN=$(abspath $(BIN)/laifang-smoke) npm run --silent e2e -- follow

e2e-bridge: build
	go build -tags dev,webkit2_41 -o $(BIN)/laifang-dev .
	.ci/e2e-bridge.sh $(BIN)/laifang-dev $(BIN)/laifang

# The one-line message of .ci/need.sh, through make itself, for a machine
# without node and one with Debian 12's own Node 18.
check-need:
	.ci/need-test.sh

## dist: every artifact in build/dist with SHA256SUMS: the .debs for amd64
## and arm64 (each checked, the amd64 one installed and run, the arm64 build
## run under qemu) and the Windows files. One version throughout: the
## sub-makes get this one's COMMIT (a file edited meanwhile changes nothing).
dist: setup-build deps-dist
	rm -rf $(DIST)
	$(MAKE) --no-print-directory build arm64-check COMMIT=$(COMMIT)
	$(MAKE) --no-print-directory dist-windows COMMIT=$(COMMIT)
	build/linux/deb.sh $(BIN)/laifang amd64 $(VERSION) $(DIST)
	build/linux/deb.sh $(BIN)/laifang-arm64 arm64 $(VERSION) $(DIST)
	build/linux/deb-check.sh $(DIST)/laifang_$(VERSION)_arm64.deb arm64 $(VERSION)
	build/linux/deb-check.sh $(DIST)/laifang_$(VERSION)_amd64.deb amd64 $(VERSION) --install
	cd $(DIST) && sha256sum -- * > SHA256SUMS && ls -l

# The amd64 .deb built, checked, installed through apt, run and removed.
deb-check: build
	$(call apt_install,desktop-file-utils imagemagick)
	build/linux/deb.sh $(BIN)/laifang amd64 $(VERSION) $(DIST)
	build/linux/deb-check.sh $(DIST)/laifang_$(VERSION)_amd64.deb amd64 $(VERSION) --install

sysroot-arm64: deps-dist
	build/linux/sysroot-arm64.sh $(SYSROOT_ARM64)

build-arm64: frontend/dist/index.html sysroot-arm64
	build/linux/go-arm64.sh $(SYSROOT_ARM64)/root build -tags $(LINUX_TAGS) -ldflags "$(LDFLAGS)" -o $(BIN)/laifang-arm64 .

## arm64-check: cross-compile build/bin/laifang-arm64 and run it under qemu
arm64-check: build-arm64
	build/linux/arm64-check.sh $(BIN)/laifang-arm64 $(SYSROOT_ARM64)/root $(VERSION)

clean:
	rm -rf $(BIN) frontend/dist/assets frontend/dist/index.html
