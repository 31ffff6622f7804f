#!/usr/bin/env bash
# First-time host setup for the Docker deployment (docs/deployment.md):
#   - checks Docker and the Compose v2 plugin,
#   - creates .env from .env.example (mode 600) unless it exists,
#   - asks what it cannot guess: join the wppconnect-server already running here (its Docker
#     network, its URL on that network, its secret key) or start one of our own (a fresh
#     droplet); the Firebase project id,
#   - generates WEBHOOK_SECRET (and, for our own server, WPPCONNECT_SECRET_KEY) where empty,
#   - creates secrets/ for an optional Firestore key file, readable by the container user,
#   - creates the Docker network for a fresh droplet.
# Safe to run again: answers default to what .env already says; generated secrets are kept.
#
#   scripts/setup.sh                                   # asks (on a terminal)
#   scripts/setup.sh --join wppconnect-cli --wppconnect-url http://wppconnect:21465 \
#       --secret-key "$KEY" --project-id my-project     # no questions
#   scripts/setup.sh --fresh --project-id my-project   # no questions
# Options: --join NETWORK | --fresh; --wppconnect-url URL; --secret-key KEY (the existing
# server's); --project-id ID; --non-interactive (never ask; also when stdin is not a terminal);
# --env-only (write .env only: no Docker checks, no network, e.g. on another machine).
# The same answers may come from the environment: WPPCONNECT_NETWORK, WPPCONNECT_SERVER_URL,
# WPPCONNECT_SECRET_KEY, FIREBASE_PROJECT_ID, and SETUP_MODE=join|fresh.
set -euo pipefail

cd "$(dirname "$0")/.."

# The uid/gid the image runs as (docker/Dockerfile).
readonly CONTAINER_UID=10001
readonly DEFAULT_NETWORK=wppconnect-cli

fail() {
  echo "setup: $*" >&2
  exit 1
}

usage() {
  sed -n '2,23p' "$0"
}

mode=${SETUP_MODE:-}
network=${WPPCONNECT_NETWORK:-}
server_url=${WPPCONNECT_SERVER_URL:-}
secret_key=${WPPCONNECT_SECRET_KEY:-}
project_id=${FIREBASE_PROJECT_ID:-}
interactive=true
[[ -t 0 ]] || interactive=false
docker_checks=true

while (($#)); do
  case "$1" in
    --join)
      mode="join"
      network=${2:?--join needs the Docker network name}
      shift
      ;;
    --fresh) mode=fresh ;;
    --wppconnect-url)
      server_url=${2:?--wppconnect-url needs a URL}
      shift
      ;;
    --secret-key)
      secret_key=${2:?--secret-key needs a value}
      shift
      ;;
    --project-id)
      project_id=${2:?--project-id needs a value}
      shift
      ;;
    --non-interactive) interactive=false ;;
    --env-only) docker_checks=false ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      echo "setup: unknown argument: $1 (see --help)" >&2
      exit 2
      ;;
  esac
  shift
done
case "$mode" in
  "" | join | fresh) ;;
  *) fail "SETUP_MODE must be join or fresh, not '$mode'" ;;
esac

if $docker_checks; then
  if ! command -v docker >/dev/null 2>&1; then
    fail "docker is not installed: https://docs.docker.com/engine/install/ (or use the systemd unit, docs/deployment.md)"
  fi
  if ! docker compose version >/dev/null 2>&1; then
    fail "the Docker Compose v2 plugin is missing ('docker compose'); install docker-compose-plugin"
  fi
  if ! docker info >/dev/null 2>&1; then
    fail "cannot talk to the Docker engine: is it running, and may this user use it (sudo, or the docker group)?"
  fi
  echo "setup: $(docker --version); $(docker compose version)"
fi

# 24 random bytes as 48 hex characters: URL-safe, no quoting needed anywhere.
random_hex() {
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -hex 24
  else
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'
  fi
}

# The last value of NAME in .env (one pair of quotes removed), empty when unset.
current() {
  local value
  value=$(grep -E "^${1}=" .env | tail -n 1 | cut -d= -f2- || true)
  value=${value%\"}
  value=${value#\"}
  value=${value%\'}
  value=${value#\'}
  echo "$value"
}

# Sets NAME=VALUE in .env: replaces the first NAME= line, or appends one. A value with characters
# other than URL-safe ones is written in single quotes (.env.example's rule).
set_value() {
  local name=$1 value=$2 tmp
  if [[ ! $value =~ ^[A-Za-z0-9._~:/@%+,=-]*$ ]]; then
    [[ $value == *"'"* ]] && fail "$name must not contain a single quote"
    value="'$value'"
  fi
  tmp=$(mktemp .env.XXXXXX)
  NAME=$name VALUE=$value awk '
    !done && index($0, ENVIRON["NAME"] "=") == 1 { print ENVIRON["NAME"] "=" ENVIRON["VALUE"]; done = 1; next }
    { print }
    END { if (!done) print ENVIRON["NAME"] "=" ENVIRON["VALUE"] }
  ' .env >"$tmp"
  chmod 600 "$tmp"
  mv "$tmp" .env
}

# Sets NAME when it is empty; leaves a set value alone.
fill_if_empty() {
  local name=$1 value=$2
  if [[ -n $(current "$name") ]]; then
    echo "setup: ${name} already set, kept"
  else
    set_value "$name" "$value"
    echo "setup: ${name} generated"
  fi
}

# ask VARIABLE "question" DEFAULT: prints the answer (the default when not interactive).
ask() {
  local question=$1 default=$2 answer
  if ! $interactive; then
    echo "$default"
    return
  fi
  read -r -p "$question${default:+ [$default]}: " answer </dev/tty
  echo "${answer:-$default}"
}

# The first running container whose image is a wppconnect server, and its user-defined network.
guess_server() {
  $docker_checks || return 0
  docker ps --format '{{.Names}}	{{.Image}}' 2>/dev/null \
    | awk -F'\t' 'tolower($2) ~ /wppconnect/ && $1 !~ /^fees-automation-/ { print $1; exit }'
}
guess_network() {
  docker inspect -f '{{range $name, $n := .NetworkSettings.Networks}}{{println $name}}{{end}}' "$1" \
    2>/dev/null | grep -v -x -e '' -e bridge -e host | head -n 1 || true
}

if [[ -e .env ]]; then
  echo "setup: .env exists, kept"
else
  (umask 077 && cp .env.example .env)
  echo "setup: .env created from .env.example"
fi
chmod 600 .env

# --- wppconnect-server: join the one running here, or start our own -----------------------
existing=$(guess_server)
if [[ -z $mode ]]; then
  if [[ $(current COMPOSE_PROFILES) == *wppconnect* ]]; then
    default_mode=fresh
  elif [[ -n $existing ]]; then
    default_mode="join"
  else
    default_mode=fresh
  fi
  if $interactive; then
    [[ -n $existing ]] && echo "setup: found a running wppconnect-server: container '$existing'"
    echo "setup: join a wppconnect-server already running on this host (its phones stay linked),"
    echo "       or start one of our own (each academy's phone scans a new QR code)?"
  fi
  mode=$(ask "join or fresh" "$default_mode")
fi

case "$mode" in
  join)
    guessed_network=""
    [[ -n $existing ]] && guessed_network=$(guess_network "$existing")
    if [[ -z $network ]]; then
      network=$(ask "Docker network of the existing wppconnect-server" \
        "${guessed_network:-$(current WPPCONNECT_NETWORK)}")
    fi
    [[ -n $network ]] || fail "which Docker network? --join NETWORK ('docker network ls' lists them)"
    if [[ -z $server_url ]]; then
      guessed_url=$(current WPPCONNECT_SERVER_URL)
      [[ -n $existing ]] && guessed_url="http://${existing}:21465"
      server_url=$(ask "its URL on that network" "$guessed_url")
    fi
    if [[ -z $secret_key ]]; then
      secret_key=$(ask "its secret key (--secretKey / SECRET_KEY of that server; empty to keep)" "")
    fi
    set_value COMPOSE_PROFILES ""
    set_value WPPCONNECT_NETWORK "$network"
    set_value WPPCONNECT_SERVER_URL "$server_url"
    [[ -n $secret_key ]] && set_value WPPCONNECT_SECRET_KEY "$secret_key"
    if [[ -z $(current WPPCONNECT_SECRET_KEY) && -z $(current WPPCONNECT_TOKEN) ]]; then
      echo "setup: WARNING: set WPPCONNECT_SECRET_KEY (the existing server's) or WPPCONNECT_TOKEN in .env"
    fi
    if $docker_checks && ! docker network inspect "$network" >/dev/null 2>&1; then
      echo "setup: WARNING: no Docker network '$network'. A server started with plain 'docker run'"
      echo "       is on the default bridge, which has no names: 'docker network create $network &&"
      echo "       docker network connect $network <its container>', then use that name."
    fi
    ;;
  fresh)
    network=${network:-$(current WPPCONNECT_NETWORK)}
    network=${network:-$DEFAULT_NETWORK}
    set_value COMPOSE_PROFILES wppconnect
    set_value WPPCONNECT_NETWORK "$network"
    set_value WPPCONNECT_SERVER_URL "${server_url:-http://wppconnect-server:21465}"
    [[ -n $secret_key ]] && set_value WPPCONNECT_SECRET_KEY "$secret_key"
    fill_if_empty WPPCONNECT_SECRET_KEY "$(random_hex)"
    if $docker_checks && ! docker network inspect "$network" >/dev/null 2>&1; then
      docker network create "$network" >/dev/null
      echo "setup: created the Docker network $network"
    fi
    ;;
  *) fail "answer join or fresh, not '$mode'" ;;
esac
echo "setup: wppconnect-server: $mode (network $network, $(current WPPCONNECT_SERVER_URL))"

fill_if_empty WEBHOOK_SECRET "$(random_hex)"

# --- Firestore ---------------------------------------------------------------------------------
if [[ -z $project_id ]]; then
  project_id=$(ask "Firebase project id (the web app's; empty to fill in later)" \
    "$(current FIREBASE_PROJECT_ID)")
fi
[[ -n $project_id ]] && set_value FIREBASE_PROJECT_ID "$project_id"

mkdir -p secrets
chmod 700 secrets
if $docker_checks; then
  if [[ $(id -u) -eq 0 ]]; then
    chown "${CONTAINER_UID}:${CONTAINER_UID}" secrets
  else
    echo "setup: run 'sudo chown ${CONTAINER_UID}:${CONTAINER_UID} secrets' so the container can read a key file there"
  fi
fi

webhook_port=$(current HTTP_PORT)
cat <<NEXT

Next:
  1. Edit .env: the Firestore service account (FIREBASE_CLIENT_EMAIL and FIREBASE_PRIVATE_KEY,
     or a key file in secrets/ with GOOGLE_APPLICATION_CREDENTIALS=/run/fees-automation/<file>),
     and ALERT_WEBHOOK_URL if you want alerts.
  2. scripts/deploy.sh (it runs 'check' with .env first and stops if something is wrong).
NEXT
if [[ $mode == join ]]; then
  cat <<JOIN
  3. Receipts: the existing wppconnect-server must post its webhook to
       http://fees-automation:${webhook_port:-8081}/webhooks/wppconnect/<WEBHOOK_SECRET from .env>
     with acks on and readMessage off (docs/deployment.md, "I already run wppconnect-server").
JOIN
else
  cat <<'FRESH'
  3. Link WhatsApp: docker compose --env-file .env -f docker/docker-compose.yml logs -f wppconnect-server
     shows the QR code when the daemon starts the session; scan it in WhatsApp > Linked devices.
FRESH
fi
