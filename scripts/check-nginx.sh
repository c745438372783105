#!/usr/bin/env bash
# Checks the example nginx configuration (deploy/nginx-support-desk.conf) with `nginx -t`,
# wrapped in a minimal main configuration in a temporary directory (no root paths touched).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx_bin" ] || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 1; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/logs"
cat > "$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log stderr;
events {}
http {
    access_log off;
    include $root/deploy/nginx-support-desk.conf;
}
CONF
"$nginx_bin" -t -q -p "$dir" -e stderr -c "$dir/nginx.conf"
echo "deploy/nginx-support-desk.conf: nginx -t passed"
