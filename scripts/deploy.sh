#!/usr/bin/env bash
# Builds the image, (re)starts the Compose stack and waits until the daemon reports ready
# (GET /health/ready: Redis, Firestore and wppconnect-server reachable).
#
#   scripts/deploy.sh                 # build + up -d + wait (default 180 s)
#   scripts/deploy.sh --no-build      # restart with the image already built
#   READY_TIMEOUT=300 scripts/deploy.sh
set -euo pipefail

cd "$(dirname "$0")/.."

build=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h | --help)
      sed -n '2,8p' "$0"
      exit 0
      ;;
    *)
      echo "deploy: unknown argument: $arg" >&2
      exit 2
      ;;
  esac
done

[[ -f .env ]] || {
  echo "deploy: no .env: run scripts/setup.sh first" >&2
  exit 2
}

compose() {
  docker compose --env-file .env -f docker/docker-compose.yml "$@"
}

# The last plain value of NAME in .env (quotes removed), or the default. .env is not sourced:
# it is not a shell script.
env_value() {
  local name=$1 default=$2 value
  value=$(grep -E "^(export[[:space:]]+)?${name}=" .env | tail -n 1 | cut -d= -f2- || true)
  value=${value%\"}
  value=${value#\"}
  value=${value%\'}
  value=${value#\'}
  echo "${value:-$default}"
}

port=$(env_value HTTP_PORT 8081)
address=$(env_value HTTP_PUBLISH_ADDRESS 127.0.0.1)
[[ $address == "0.0.0.0" ]] && address=127.0.0.1
if [[ $port == "0" ]]; then
  echo "deploy: HTTP_PORT=0 disables the HTTP server; the container healthcheck needs it" >&2
  exit 2
fi
url="http://${address}:${port}/health/ready"
timeout=${READY_TIMEOUT:-180}

if $build; then
  compose build --pull automation
fi
compose up -d --remove-orphans

echo "deploy: waiting up to ${timeout}s for ${url}"
deadline=$((SECONDS + timeout))
until curl -fsS -o /dev/null --max-time 5 "$url"; do
  if ((SECONDS >= deadline)); then
    echo "deploy: not ready after ${timeout}s" >&2
    compose ps >&2
    compose logs --tail 50 automation >&2
    exit 1
  fi
  sleep 2
done
echo "deploy: ready"
compose ps
