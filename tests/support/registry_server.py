# File: tests/support/registry_server.py
#
# A throwaway origin registry for the release tests: serves Terraform's
# provider registry protocol (versions, download) for
# compliancecheck/compliancecheck from a release set scripts/release.sh wrote,
# over HTTPS. Binds a free port, prints it on stdout, and serves until killed.
#
# Usage: registry_server.py DIST_DIR VERSION CERT KEY PUBLIC_KEY_ASC KEY_ID

import http.server
import json
import os
import ssl
import sys

NAME = "terraform-provider-compliancecheck"
PREFIX = "/v1/providers/compliancecheck/compliancecheck/"


def main():
    dist, version, cert, key, public_key, key_id = sys.argv[1:7]
    with open(public_key, encoding="ascii") as f:
        armor = f.read()
    zip_name = f"{NAME}_{version}_linux_amd64.zip"
    sums_name = f"{NAME}_{version}_SHA256SUMS"
    shasum = ""
    with open(os.path.join(dist, sums_name), encoding="ascii") as f:
        for line in f:
            if line.rstrip().endswith(zip_name):
                shasum = line.split()[0]

    class Handler(http.server.BaseHTTPRequestHandler):
        def base(self):
            return f"https://{self.headers.get('Host')}/files/"

        def send(self, code, body, content_type):
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path == PREFIX + "versions":
                doc = {"versions": [{"version": version, "protocols": ["6.0"],
                                     "platforms": [{"os": "linux", "arch": "amd64"}]}]}
            elif self.path == PREFIX + f"{version}/download/linux/amd64":
                doc = {"protocols": ["6.0"], "os": "linux", "arch": "amd64",
                       "filename": zip_name, "download_url": self.base() + zip_name,
                       "shasums_url": self.base() + sums_name,
                       "shasums_signature_url": self.base() + sums_name + ".sig",
                       "shasum": shasum,
                       "signing_keys": {"gpg_public_keys": [
                           {"key_id": key_id, "ascii_armor": armor}]}}
            elif self.path.startswith("/files/"):
                name = self.path[len("/files/"):]
                if name in (zip_name, sums_name, sums_name + ".sig"):
                    with open(os.path.join(dist, name), "rb") as f:
                        self.send(200, f.read(), "application/octet-stream")
                    return
                self.send(404, b"not found\n", "text/plain")
                return
            else:
                self.send(404, b"not found\n", "text/plain")
                return
            self.send(200, json.dumps(doc).encode(), "application/json")

        def log_message(self, fmt, *args):
            pass  # quiet: nobody drains stderr while the test runs

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
