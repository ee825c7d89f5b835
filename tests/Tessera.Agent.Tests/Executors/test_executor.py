#!/usr/bin/env python3
"""A custom Mesos executor speaking the v1 Executor HTTP API, standard library only.

It subscribes to the agent at MESOS_AGENT_ENDPOINT and reads the RecordIO event stream. What it
does with a LAUNCHed task depends on the task's data (UTF-8):
  finish  TASK_RUNNING, then TASK_FINISHED
  run     TASK_RUNNING, then waits (KILL -> TASK_KILLED)
  crash   TASK_RUNNING, then exits with status 3 once that update is acknowledged
  hang    TASK_RUNNING; when the stream breaks, it never subscribes again (a hung executor)
  away    TASK_RUNNING; when the stream breaks, TASK_FINISHED (sent while the agent is away)
On ACKNOWLEDGED it notes the uuid and, for a terminal update, sends the framework the message
"acked:<task_id>". A framework MESSAGE "finish:<task_id>" finishes that task; any other "x" is
answered with the executor MESSAGE "echo:x". On SHUTDOWN it reports TASK_KILLED for its live tasks
and exits 0.

When its stream breaks and MESOS_CHECKPOINT=1, it subscribes again as Mesos' executor libraries
do: with backoff up to MESOS_SUBSCRIPTION_BACKOFF_MAX, listing its unacknowledged tasks and
updates, and gives up (exit 1) after MESOS_RECOVERY_TIMEOUT without success.
"""

import base64
import http.client
import json
import os
import random
import sys
import time
import uuid

AGENT = os.environ["MESOS_AGENT_ENDPOINT"]
FRAMEWORK_ID = os.environ["MESOS_FRAMEWORK_ID"]
EXECUTOR_ID = os.environ["MESOS_EXECUTOR_ID"]
SANDBOX = os.environ.get("MESOS_SANDBOX", ".")

CHECKPOINT = os.environ.get("MESOS_CHECKPOINT") == "1"

UNITS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "secs": 1, "mins": 60, "hrs": 3600, "days": 86400, "weeks": 604800}


def duration(text, default):
    """A Mesos duration such as "15mins" or "2secs", in seconds."""
    if not text:
        return default
    for unit in sorted(UNITS, key=len, reverse=True):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * UNITS[unit]
    return default


RECOVERY_TIMEOUT = duration(os.environ.get("MESOS_RECOVERY_TIMEOUT"), 900)
BACKOFF_MAX = duration(os.environ.get("MESOS_SUBSCRIPTION_BACKOFF_MAX"), 2)

host, port = AGENT.rsplit(":", 1)
live = {}        # task id -> behaviour
tasks = {}       # task id -> TaskInfo, until one of its updates is acknowledged
unacked = {}     # uuid (base64) -> TaskStatus


def log(line):
    with open(os.path.join(SANDBOX, "executor.log"), "a") as f:
        f.write(line + "\n")


def call(body):
    body["framework_id"] = {"value": FRAMEWORK_ID}
    body["executor_id"] = {"value": EXECUTOR_ID}
    try:
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        conn.request("POST", "/api/v1/executor", json.dumps(body),
                     {"Content-Type": "application/json", "Accept": "application/json"})
        response = conn.getresponse()
        text = response.read()
        conn.close()
    except (OSError, http.client.HTTPException) as e:
        # The agent is away: an update stays unacknowledged and goes again with the next SUBSCRIBE.
        log("call %s failed: %s" % (body["type"], e))
        return None
    if response.status != 202:
        log("call %s answered %d: %s" % (body["type"], response.status, text))
    return response.status


def update(task_id, state, message=None):
    u = base64.b64encode(uuid.uuid4().bytes).decode()
    status = {"task_id": {"value": task_id}, "state": state, "source": "SOURCE_EXECUTOR",
              "executor_id": {"value": EXECUTOR_ID}, "uuid": u}
    if message:
        status["message"] = message
    unacked[u] = status
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


def subscribe():
    """The SUBSCRIBE response (status 200: the event stream), or None when the agent can't be reached."""
    body = {"type": "SUBSCRIBE", "framework_id": {"value": FRAMEWORK_ID},
            "executor_id": {"value": EXECUTOR_ID},
            "subscribe": {"unacknowledged_tasks": list(tasks.values()),
                          "unacknowledged_updates": [{"status": s} for s in unacked.values()]}}
    try:
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        conn.request("POST", "/api/v1/executor", json.dumps(body),
                     {"Content-Type": "application/json", "Accept": "application/json"})
        response = conn.getresponse()
        conn.sock.settimeout(None)
        return response
    except (OSError, http.client.HTTPException) as e:
        log("SUBSCRIBE failed: %s" % e)
        return None


def main():
    subscribed_once = False
    disconnected = None
    backoff = 0.1
    while True:
        response = subscribe()
        if response is not None and response.status == 200:
            subscribed_once = True
            disconnected = None
            backoff = 0.1
            code = serve(response)
            if code is not None:
                return code
            log("stream ended")
        elif response is not None:
            log("SUBSCRIBE answered %d: %s" % (response.status, response.read()))
            if not subscribed_once:
                return 2
        if not CHECKPOINT:
            return 1
        if disconnected is None:
            disconnected = time.monotonic()
            for task_id, behaviour in list(live.items()):
                if behaviour == "hang":
                    log("hanging")
                    while True:
                        time.sleep(3600)
                if behaviour == "away":
                    time.sleep(0.3)
                    live.pop(task_id)
                    update(task_id, "TASK_FINISHED", "finished while the agent was away")
        if time.monotonic() - disconnected > RECOVERY_TIMEOUT:
            log("giving up: no agent within the recovery timeout")
            return 1
        time.sleep(random.uniform(0, backoff))
        backoff = min(backoff * 2, BACKOFF_MAX)


def serve(response):
    """Handles the events of one subscription; an exit status, or None when the stream ends."""
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
            tasks[task_id] = task
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
            status = unacked.pop(ack["uuid"], None)
            task_id, state = ack["task_id"]["value"], status and status["state"]
            tasks.pop(task_id, None)
            log("acknowledged %s %s" % (task_id, state))
            if state in ("TASK_FINISHED", "TASK_KILLED", "TASK_FAILED"):
                message("acked:" + task_id)
            if state == "TASK_RUNNING" and live.get(task_id) == "crash":
                log("crashing")
                return 3
        elif kind == "MESSAGE":
            text = base64.b64decode(event["message"]["data"]).decode()
            if text.startswith("finish:") and text[7:] in live:
                live.pop(text[7:])
                update(text[7:], "TASK_FINISHED", "finished on request")
            else:
                message("echo:" + text)
        elif kind == "SHUTDOWN":
            for task_id in list(live):
                update(task_id, "TASK_KILLED", "shut down")
            return 0
        elif kind == "ERROR":
            log("error " + event["error"]["message"])
    return None


if __name__ == "__main__":
    sys.exit(main())
