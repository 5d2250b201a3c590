#!/usr/bin/env bash
# Smoke test of the emulator jar with nothing but curl and python3, as a tool in another language
# would use it: a token, a create, a list and a delete, each answer's JSON checked by python3; then the
# README's Python urllib client.
# Usage: images-emulator/src/test/sh/smoke.sh [path/to/images-emulator-<version>.jar]
set -euo pipefail
cd "$(dirname "$0")/../../.."
jar="${1:-$(ls target/images-emulator-*.jar | grep -Ev "original|-sources|-javadoc" | head -1)}"
work="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

java -jar "$jar" --port 0 --port-file "$work/port" > "$work/out" 2>&1 &
pid=$!
# Ready when the port file appears (the emulator writes it atomically, just before its start-up line).
for _ in $(seq 1 600); do
  [[ -s "$work/port" ]] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/out"; echo "smoke: the emulator exited" >&2; exit 1; }
  sleep 0.1
done
[[ -s "$work/port" ]] || { cat "$work/out"; echo "smoke: no port file after 60 s" >&2; exit 1; }
base="http://127.0.0.1:$(cat "$work/port")"
rid() { python3 -c 'import uuid; print(uuid.uuid4())'; }

token_json="$(curl -sS -f "$base/auth/realms/contabo/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=smoke -d client_secret=smoke -d username=smoke@example.com -d password=smoke)"
token="$(python3 -c 'import json,sys; t=json.load(sys.stdin); assert t["token_type"]=="Bearer" and t["expires_in"]>0; print(t["access_token"])' <<<"$token_json")"

created="$(curl -sS -f -X POST "$base/v1/compute/images" -H "Authorization: Bearer $token" -H "x-request-id: $(rid)" \
  -H 'Content-Type: application/json' \
  -d '{"name":"smoke","url":"https://example.com/smoke.qcow2","osType":"Linux","version":"22.04"}')"
id="$(python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; assert len(d)==1; print(d[0]["imageId"])' <<<"$created")"

listed="$(curl -sS -f "$base/v1/compute/images?standardImage=false&name=smoke" -H "Authorization: Bearer $token" \
  -H "x-request-id: $(rid)")"
python3 -c '
import json, sys
page = json.loads(sys.argv[1])
ids = [i["imageId"] for i in page["data"]]
assert ids == [sys.argv[2]], ids
assert page["data"][0]["status"] == "downloading", page["data"][0]["status"]
assert page["_pagination"]["totalElements"] == 1, page["_pagination"]
' "$listed" "$id"

status="$(curl -sS -o /dev/null -w '%{http_code}' -X DELETE "$base/v1/compute/images/$id" \
  -H "Authorization: Bearer $token" -H "x-request-id: $(rid)")"
[[ "$status" == 204 ]] || { echo "smoke: delete answered $status" >&2; exit 1; }
gone="$(curl -sS "$base/v1/compute/images/$id" -H "Authorization: Bearer $token" -H "x-request-id: $(rid)")"
python3 -c 'import json,sys; e=json.load(sys.stdin); assert e["statusCode"]==404, e' <<<"$gone"

# The README's Python client (standard library only) runs the same lifecycle plus a clock advance.
python3 src/test/python/emulator_client.py "$base"

echo "emulator smoke test passed: token, create, list, delete against $base"
