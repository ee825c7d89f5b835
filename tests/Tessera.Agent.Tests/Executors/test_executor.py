#!/usr/bin/env python3
"""A custom Mesos executor speaking the v1 Executor HTTP API, standard library only.

It subscribes to the agent at MESOS_AGENT_ENDPOINT and reads the RecordIO event stream. What it
does with a LAUNCHed task depends on the task's data (UTF-8):
  finish  TASK_RUNNING, then TASK_FINISHED
  run     TASK_RUNNING, then waits (KILL -> TASK_KILLED)
  crash   TASK_RUNNING, then exits with status 3 once that update is acknowledged
On ACKNOWLEDGED it notes the uuid and, for a terminal update, sends the framework the message
"acked:<task_id>". A framework MESSAGE "x" is answered with the executor MESSAGE "echo:x".
On SHUTDOWN it reports TASK_KILLED for its live tasks and exits 0.
"""

import base64
import http.client
import json
import os
import sys
import uuid

AGENT = os.environ["MESOS_AGENT_ENDPOINT"]
FRAMEWORK_ID = os.environ["MESOS_FRAMEWORK_ID"]
EXECUTOR_ID = os.environ["MESOS_EXECUTOR_ID"]
SANDBOX = os.environ.get("MESOS_SANDBOX", ".")

host, port = AGENT.rsplit(":", 1)
live = {}        # task id -> behaviour
unacked = {}     # uuid (base64) -> (task id, state)


def log(line):
    with open(os.path.join(SANDBOX, "executor.log"), "a") as f:
        f.write(line + "\n")


def call(body):
    body["framework_id"] = {"value": FRAMEWORK_ID}
    body["executor_id"] = {"value": EXECUTOR_ID}
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("POST", "/api/v1/executor", json.dumps(body),
                 {"Content-Type": "application/json", "Accept": "application/json"})
    response = conn.getresponse()
    text = response.read()
    conn.close()
    if response.status != 202:
        log("call %s answered %d: %s" % (body["type"], response.status, text))
    return response.status


def update(task_id, state, message=None):
    u = base64.b64encode(uuid.uuid4().bytes).decode()
    status = {"task_id": {"value": task_id}, "state": state, "source": "SOURCE_EXECUTOR",
              "executor_id": {"value": EXECUTOR_ID}, "uuid": u}
    if message:
        status["message"] = message
    unacked[u] = (task_id, state)
    call({"type": "UPDATE", "update": {"status": status}})


def message(text):
    call({"type": "MESSAGE", "message": {"data": base64.b64encode(text.encode()).decode()}})


def events(response):
    while True:
        line = response.readline()
        if not line:
            return
        length = int(line.strip())
        data = b""
        while len(data) < length:
            chunk = response.read(length - len(data))
            if not chunk:
                return
            data += chunk
        yield json.loads(data)


def main():
    conn = http.client.HTTPConnection(host, int(port))
    body = {"type": "SUBSCRIBE", "framework_id": {"value": FRAMEWORK_ID},
            "executor_id": {"value": EXECUTOR_ID}, "subscribe": {}}
    conn.request("POST", "/api/v1/executor", json.dumps(body),
                 {"Content-Type": "application/json", "Accept": "application/json"})
    response = conn.getresponse()
    if response.status != 200:
        log("SUBSCRIBE answered %d: %s" % (response.status, response.read()))
        return 2
    for event in events(response):
        kind = event.get("type")
        log("event " + kind)
        if kind == "SUBSCRIBED":
            sub = event["subscribed"]
            log("subscribed to agent %s in container %s" % (sub["agent_info"].get("id", {}).get("value"), sub.get("container_id", {}).get("value")))
        elif kind == "LAUNCH":
            task = event["launch"]["task"]
            task_id = task["task_id"]["value"]
            behaviour = base64.b64decode(task.get("data", "")).decode() or "finish"
            live[task_id] = behaviour
            update(task_id, "TASK_RUNNING")
            if behaviour == "finish":
                update(task_id, "TASK_FINISHED", "done by the test executor")
                live.pop(task_id, None)
        elif kind == "KILL":
            task_id = event["kill"]["task_id"]["value"]
            if task_id in live:
                live.pop(task_id)
                update(task_id, "TASK_KILLED", "killed by the test executor")
        elif kind == "ACKNOWLEDGED":
            ack = event["acknowledged"]
            task_id, state = unacked.pop(ack["uuid"], (ack["task_id"]["value"], None))
            log("acknowledged %s %s" % (task_id, state))
            if state in ("TASK_FINISHED", "TASK_KILLED", "TASK_FAILED"):
                message("acked:" + task_id)
            if state == "TASK_RUNNING" and live.get(task_id) == "crash":
                log("crashing")
                return 3
        elif kind == "MESSAGE":
            text = base64.b64decode(event["message"]["data"]).decode()
            message("echo:" + text)
        elif kind == "SHUTDOWN":
            for task_id in list(live):
                update(task_id, "TASK_KILLED", "shut down")
            return 0
        elif kind == "ERROR":
            log("error " + event["error"]["message"])
    return 1


if __name__ == "__main__":
    sys.exit(main())
