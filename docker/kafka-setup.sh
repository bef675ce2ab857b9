#!/bin/sh
# The compose `kafka-setup` service: creates Spean's Kafka users (SCRAM-SHA-512,
# passwords from KAFKA_PASSWORD_<USER>) and writes the ACLs of kafka-acls.txt
# (generated from the adapter definitions by `npm run spean -- kafka acls`).
# It shares the broker's network and talks to its loopback INTERNAL listener,
# where it is the super user User:ANONYMOUS. Adding a user or an ACL again
# changes nothing, so it is safe on every `docker compose up`. Passwords are
# never printed.
set -eu
BIN=${KAFKA_BIN:-/opt/kafka/bin}
BOOTSTRAP=${KAFKA_BOOTSTRAP:-localhost:9094}
TABLE=${KAFKA_ACL_TABLE:-/spean/kafka-acls.txt}

users=''
while read -r principal type name operations; do
  case "$principal" in '' | '#'*) continue ;; esac
  user=${principal#User:}
  case " $users " in *" $user "*) ;; *) users="$users $user" ;; esac
done < "$TABLE"

for user in $users; do
  var="KAFKA_PASSWORD_$(printf '%s' "$user" | tr 'a-z-' 'A-Z_')"
  eval "password=\${$var:-}"
  if [ -z "$password" ]; then
    echo "kafka-setup: $var is not set: it is the password of the Kafka user $user" >&2
    exit 1
  fi
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter \
    --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[password=$password]" > /dev/null
  echo "kafka-setup: user $user"
done

while read -r principal type name operations; do
  case "$principal" in '' | '#'*) continue ;; esac
  case "$type" in
    TOPIC) resource=--topic ;;
    GROUP) resource=--group ;;
    *) echo "kafka-setup: unknown resource type $type in $TABLE" >&2; exit 1 ;;
  esac
  ops=''
  for op in $(printf '%s' "$operations" | tr ',' ' '); do ops="$ops --operation $op"; done
  # $ops is split into words on purpose: one --operation per operation.
  # shellcheck disable=SC2086
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --add --allow-principal "$principal" \
    $ops "$resource" "$name" --resource-pattern-type literal > /dev/null
  echo "kafka-setup: $principal may $operations $type $name"
done < "$TABLE"
