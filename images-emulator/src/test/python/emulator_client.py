#!/usr/bin/env python3
"""Drives the Contabo Images emulator with the standard library only (urllib), as the README shows.

Usage: emulator_client.py BASE_URL   e.g. http://127.0.0.1:8089
Gets a token, creates an image, finishes its download by advancing the emulator's clock, lists it,
deletes it. Exits non-zero on any surprise.
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

base = sys.argv[1].rstrip("/")


def call(method, path, token=None, body=None, form=None):
    headers = {"x-request-id": str(uuid.uuid4())}
    data = None
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        data = urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
        return response.status, (json.loads(text) if text else None)


_, grant = call("POST", "/auth/realms/contabo/protocol/openid-connect/token", form={
    "grant_type": "password", "client_id": "any", "client_secret": "any",
    "username": "me@example.com", "password": "any"})
token = grant["access_token"]

status, created = call("POST", "/v1/compute/images", token, {
    "name": "from-python", "url": "https://example.com/python.qcow2", "osType": "Linux", "version": "22.04"})
assert status == 201, status
image_id = created["data"][0]["imageId"]

call("POST", "/__emulator/clock/advance", body={"seconds": 30})   # downloads take 30 s by default
_, image = call("GET", "/v1/compute/images/" + image_id, token)
assert image["data"][0]["status"] == "downloaded", image

_, page = call("GET", "/v1/compute/images?standardImage=false&name=from-python", token)
assert [i["imageId"] for i in page["data"]] == [image_id], page

status, _ = call("DELETE", "/v1/compute/images/" + image_id, token)
assert status == 204, status
try:
    call("GET", "/v1/compute/images/" + image_id, token)
    raise AssertionError("the image is still there")
except urllib.error.HTTPError as e:
    assert e.code == 404, e.code

print("python urllib client passed against " + base)
