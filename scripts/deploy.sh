#!/usr/bin/env bash
# Builds the image, checks the configuration against the real servers, then (re)starts the
# Compose stack and waits until the daemon reports ready (GET /health/ready: Redis, Firestore and
# wppconnect-server reachable). Nothing is (re)started when the check fails: its lines say why.
#
#   scripts/deploy.sh                 # build + check + up -d + wait (default 180 s)
#   scripts/deploy.sh --no-build      # the same with the image already built
#   scripts/deploy.sh --skip-check    # start without the check (not recommended)
#   READY_TIMEOUT=300 scripts/deploy.sh
#
# The way it runs comes from .env (scripts/setup.sh writes it): COMPOSE_PROFILES=wppconnect starts
# a wppconnect-server of our own; empty joins the one on the Docker network WPPCONNECT_NETWORK.
set -euo pipefail

cd "$(dirname "$0")/.."

build=true
check=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --skip-check) check=false ;;
    -h | --help)
      sed -n '2,12p' "$0"
      exit 0
      ;;
    *)
      echo "deploy: unknown argument: $arg (see --help)" >&2
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
network=$(env_value WPPCONNECT_NETWORK wppconnect-cli)
profiles=$(env_value COMPOSE_PROFILES "")
bundled=false
[[ ,$profiles, == *,wppconnect,* ]] && bundled=true

# The wppconnect network is external: it must exist before anything joins it.
if ! docker network inspect "$network" >/dev/null 2>&1; then
  if $bundled; then
    docker network create "$network" >/dev/null
    echo "deploy: created the Docker network $network"
  else
    echo "deploy: Docker network '$network' (WPPCONNECT_NETWORK) not found." >&2
    echo "  Is the existing wppconnect-server running? 'docker network ls' lists the networks;" >&2
    echo "  or run scripts/setup.sh --fresh to start a wppconnect-server of our own." >&2
    exit 2
  fi
fi

if $build; then
  compose build --pull automation
fi

if $check; then
  # What `check` talks to must run first: Redis, and the bundled wppconnect-server if any.
  if $bundled; then
    compose up -d --wait redis wppconnect-server
  else
    compose up -d --wait redis
  fi
  echo "deploy: checking the configuration (fees-automation check, with .env)"
  set +e
  report=$(compose run --rm --no-deps -T automation check 2>&1)
  code=$?
  set -e
  echo "$report"
  if ((code != 0)); then
    echo "deploy: check failed (exit $code): fix what the lines above name in .env, then run scripts/deploy.sh again." >&2
    echo "  Nothing else was (re)started; a running daemon keeps running." >&2
    exit 1
  fi
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
