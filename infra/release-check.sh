#!/usr/bin/env bash
# Refuses to build a release from a tree that is not one: run before building release artifacts (container images, the
# plain-host release directory). Checks, in the repository holding this script (or the folder given as $1):
#   - it is a git work tree with nothing uncommitted: no change, staged or not, and no untracked file that is not ignored;
#   - Directory.Build.props sets <Version> to a semantic version (MAJOR.MINOR.PATCH, optional -prerelease);
#   - WebClient/package.json and package-lock.json carry the same version;
#   - CHANGELOG.md has a dated section "## [<version>] - YYYY-MM-DD" naming every Migrations/Scripts/*.sql it added
#     (every script is named somewhere in CHANGELOG.md);
#   - a tag v<version>, if it exists already, points at HEAD (a version is released from one commit only).
# On success prints the release as KEY=value lines (version, commit, tag) and exits 0; otherwise names every problem
# on stderr and exits 1.
set -euo pipefail

root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root"
problems=()
refuse() { problems+=("$*"); }

if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "release-check: $root is not a git work tree" >&2
  exit 1
fi

dirty=$(git status --porcelain --untracked-files=normal)
if [[ -n "$dirty" ]]; then
  refuse "the tree is dirty (commit or remove these first):"$'\n'"$dirty"
fi

version=""
if [[ -f Directory.Build.props ]]; then
  version=$(sed -n 's:.*<Version>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</Version>.*:\1:p' Directory.Build.props | head -n 1)
fi
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$'
if [[ -z "$version" ]]; then
  refuse "Directory.Build.props sets no <Version>"
elif [[ ! "$version" =~ $semver ]]; then
  refuse "<Version> '$version' is not a semantic version (MAJOR.MINOR.PATCH[-prerelease])"
fi

if [[ -n "$version" ]]; then
  # package.json's own "version" is its first; package-lock.json names the root package's version twice first.
  web=$(grep -m 1 -o '"version"[[:space:]]*:[[:space:]]*"[^"]*"' WebClient/package.json 2>/dev/null | sed 's/.*"\([^"]*\)"$/\1/' || true)
  [[ "$web" == "$version" ]] || refuse "WebClient/package.json has version '${web}', not $version"
  lock=$(grep -m 2 -o '"version"[[:space:]]*:[[:space:]]*"[^"]*"' WebClient/package-lock.json 2>/dev/null | sed 's/.*"\([^"]*\)"$/\1/' | sort -u || true)
  [[ "$lock" == "$version" ]] || refuse "WebClient/package-lock.json has version '${lock//$'\n'/, }', not $version (run npm install in WebClient)"

  if [[ ! -f CHANGELOG.md ]]; then
    refuse "CHANGELOG.md is missing"
  elif ! grep -Eq "^## \[${version//./\\.}\] - [0-9]{4}-[0-9]{2}-[0-9]{2}\$" CHANGELOG.md; then
    refuse "CHANGELOG.md has no dated section '## [$version] - YYYY-MM-DD'"
  fi
fi

if [[ -f CHANGELOG.md ]]; then
  for script in Migrations/Scripts/*.sql; do
    [[ -e "$script" ]] || continue
    grep -qF "$(basename "$script")" CHANGELOG.md || refuse "CHANGELOG.md does not name the migration script $(basename "$script")"
  done
fi

commit=$(git rev-parse HEAD 2>/dev/null || true)
[[ -n "$commit" ]] || refuse "the repository has no commit"
if [[ -n "$version" && -n "$commit" ]] && tagged=$(git rev-parse -q --verify "refs/tags/v$version^{commit}" 2>/dev/null); then
  [[ "$tagged" == "$commit" ]] || refuse "tag v$version exists on ${tagged:0:12}, not on HEAD ${commit:0:12}: raise the version"
fi

if ((${#problems[@]})); then
  echo "release-check: refusing to build a release:" >&2
  printf '  - %s\n' "${problems[@]}" >&2
  exit 1
fi

printf 'version=%s\ncommit=%s\ntag=v%s\n' "$version" "$commit" "$version"
