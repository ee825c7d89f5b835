# Tessera Jobs: the prelude that evaluates an .aurora file (Python) and prints its jobs as JSON.
#
# Our own implementation of the schema described in docs/jobs-config.md (Aurora's names and
# defaults). It runs as `python3 -I -S -c <this file> CONFIG MEMORY_BYTES CGROUP_DIR MAX_RESULT_BYTES`
# (CGROUP_DIR may be empty). Values are checked
# against their declared types when they are literals; templates ({{...}}), required fields and
# Aurora's rules are left to the C# side, which gets every field, every default and the place
# (file:line) where each object was built.
import json
import math
import os
import resource
import select
import signal
import sys
import time
import urllib.parse

_REAL_STDOUT = sys.stdout
_USER_FILES = set()
_ROOT = [None]
MB_UNIT = 1024 * 1024


class _IncludeRefused(Exception):
    pass


# ---------------------------------------------------------------- where an object was created

def _where():
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename in _USER_FILES:
            return {'file': frame.f_code.co_filename, 'line': frame.f_lineno}
        frame = frame.f_back
    return None


# ---------------------------------------------------------------- types

class String(object):
    pass


class Integer(object):
    pass


class Float(object):
    pass


class Boolean(object):
    pass


class _ListType(object):
    def __init__(self, element):
        self.element = element


class _MapType(object):
    def __init__(self, key, value):
        self.key = key
        self.value = value


class _EnumType(object):
    def __init__(self, name, values):
        self.name = name
        self.values = tuple(values)

    def __call__(self, value):
        if value not in self.values:
            raise ValueError('%s must be one of %s, got %r' % (self.name, ', '.join(self.values), value))
        return value


class _ChoiceType(object):
    def __init__(self, alternatives):
        self.alternatives = tuple(alternatives)


def List(element):
    return _ListType(element)


def Map(key, value):
    return _MapType(key, value)


def Enum(*args):
    if len(args) == 2 and isinstance(args[0], str) and isinstance(args[1], (list, tuple)):
        return _EnumType(args[0], args[1])
    return _EnumType('Enum', args)


def Choice(alternatives):
    return _ChoiceType(alternatives)


class _Field(object):
    def __init__(self, kind, default, required):
        self.kind = kind
        self.default = default
        self.required = required


def Required(kind):
    return _Field(kind, None, True)


def Default(kind, value):
    return _Field(kind, value, False)


def _is_type(value):
    if value in (String, Integer, Float, Boolean):
        return True
    if isinstance(value, (_ListType, _MapType, _EnumType, _ChoiceType)):
        return True
    return isinstance(value, type) and issubclass(value, Struct)


def _type_name(kind):
    if kind is String:
        return 'String'
    if kind is Integer:
        return 'Integer'
    if kind is Float:
        return 'Float'
    if kind is Boolean:
        return 'Boolean'
    if isinstance(kind, _ListType):
        return 'List(%s)' % _type_name(kind.element)
    if isinstance(kind, _MapType):
        return 'Map(%s, %s)' % (_type_name(kind.key), _type_name(kind.value))
    if isinstance(kind, _EnumType):
        return 'one of ' + '|'.join(kind.values)
    if isinstance(kind, _ChoiceType):
        return ' or '.join(_type_name(a) for a in kind.alternatives)
    return kind.__name__


def _value_name(value):
    if isinstance(value, Struct):
        return 'a ' + type(value).__name__
    if isinstance(value, bool):
        return 'a boolean (%r)' % value
    if isinstance(value, (int, float)):
        return 'a number (%r)' % value
    if isinstance(value, str):
        return 'a string (%r)' % value[:60]
    if isinstance(value, (list, tuple)):
        return 'a list'
    if isinstance(value, dict):
        return 'a dict'
    return 'a ' + type(value).__name__


def _is_template(value):
    return isinstance(value, str) and '{{' in value


def _unwrap(value):
    if isinstance(value, _Empty):
        return None
    if isinstance(value, _BoolValue):
        return value.get()
    return value


def _check(kind, value):
    """Returns (value, None) when value fits kind, else (None, why)."""
    value = _unwrap(value)
    if value is None:
        return None, None
    expected = 'expects %s, got %s' % (_type_name(kind), _value_name(value))
    if kind is String:
        if isinstance(value, str):
            return str(value), None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value), None
        return None, expected
    if kind is Integer:
        if isinstance(value, bool):
            return None, expected
        if isinstance(value, int):
            return int(value), None
        if isinstance(value, float) and value.is_integer():
            return int(value), None
        if isinstance(value, str):
            if _is_template(value):
                return str(value), None
            try:
                return int(value.strip()), None
            except ValueError:
                return None, expected
        return None, expected
    if kind is Float:
        if isinstance(value, bool):
            return None, expected
        if isinstance(value, (int, float)):
            if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
                return None, expected
            return float(value), None
        if isinstance(value, str):
            if _is_template(value):
                return str(value), None
            try:
                return float(value.strip()), None
            except ValueError:
                return None, expected
        return None, expected
    if kind is Boolean:
        if isinstance(value, bool):
            return value, None
        if isinstance(value, int) and value in (0, 1):
            return bool(value), None
        if isinstance(value, str):
            if _is_template(value):
                return str(value), None
            if value.strip().lower() in ('true', 'false'):
                return value.strip().lower() == 'true', None
        return None, expected
    if isinstance(kind, _EnumType):
        if isinstance(value, str) and (value in kind.values or _is_template(value)):
            return str(value), None
        return None, expected
    if isinstance(kind, _ListType):
        if not isinstance(value, (list, tuple)):
            return None, expected
        out = []
        for index, item in enumerate(value):
            checked, why = _check(kind.element, item)
            if why is not None:
                return None, 'element %d %s' % (index, why)
            out.append(checked)
        return out, None
    if isinstance(kind, _MapType):
        if not isinstance(value, dict):
            return None, expected
        out = {}
        for key, item in value.items():
            checked_key, why = _check(kind.key, key)
            if why is not None:
                return None, 'key %r %s' % (key, why)
            checked, why = _check(kind.value, item)
            if why is not None:
                return None, 'value of %r %s' % (key, why)
            out[checked_key] = checked
        return out, None
    if isinstance(kind, _ChoiceType):
        for alternative in kind.alternatives:
            if isinstance(alternative, type) and issubclass(alternative, Struct):
                if isinstance(value, alternative):
                    return value, None
            else:
                checked, why = _check(alternative, value)
                if why is None:
                    return checked, None
        return None, expected
    if isinstance(kind, type) and issubclass(kind, Struct):
        if isinstance(value, kind):
            return value, None
        if isinstance(value, dict):
            return kind(**value), None
        return None, expected
    return None, 'has an unknown type'


# ---------------------------------------------------------------- values read back from structs

class _Empty(object):
    def get(self):
        return None

    def __bool__(self):
        return False

    def __repr__(self):
        return 'Empty'


Empty = _Empty()


class _StrValue(str):
    def get(self):
        return str(self)


class _IntValue(int):
    def get(self):
        return int(self)


class _FloatValue(float):
    def get(self):
        return float(self)


class _BoolValue(object):
    def __init__(self, value):
        self._value = bool(value)

    def get(self):
        return self._value

    def __bool__(self):
        return self._value

    def __eq__(self, other):
        return self._value == _unwrap(other)

    def __hash__(self):
        return hash(self._value)

    def __repr__(self):
        return repr(self._value)


class _ListValue(list):
    def get(self):
        return [_plain(v) for v in self]


class _MapValue(dict):
    def get(self):
        return dict((k, _plain(v)) for k, v in self.items())


def _plain(value):
    if isinstance(value, Struct):
        return value.get()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return dict((k, _plain(v)) for k, v in value.items())
    return _unwrap(value)


def _wrap(value):
    if value is None:
        return Empty
    if isinstance(value, Struct):
        return value
    if isinstance(value, bool):
        return _BoolValue(value)
    if isinstance(value, int):
        return _IntValue(value)
    if isinstance(value, float):
        return _FloatValue(value)
    if isinstance(value, str):
        return _StrValue(value)
    if isinstance(value, (list, tuple)):
        return _ListValue(value)
    if isinstance(value, dict):
        return _MapValue(value)
    return value


# ---------------------------------------------------------------- structs

class _StructMeta(type):
    def __new__(mcs, name, bases, namespace):
        schema = {}
        for base in reversed(bases):
            schema.update(getattr(base, '_schema', {}))
        for key, value in list(namespace.items()):
            if key.startswith('__'):
                continue
            if isinstance(value, _Field):
                schema[key] = value
                del namespace[key]
            elif _is_type(value):
                schema[key] = _Field(value, None, False)
                del namespace[key]
        namespace['_schema'] = schema
        return type.__new__(mcs, name, bases, namespace)


class Struct(object, metaclass=_StructMeta):
    def __init__(self, *args, **kwargs):
        values = {}
        for arg in args:
            if isinstance(arg, Struct):
                values.update(arg._values)
            elif isinstance(arg, dict):
                values.update(arg)
            else:
                raise TypeError('%s() takes keyword arguments or a dict, got %s' % (type(self).__name__, _value_name(arg)))
        values.update(kwargs)
        object.__setattr__(self, '_where', _where())
        object.__setattr__(self, '_values', {})
        object.__setattr__(self, '_errors', [])
        object.__setattr__(self, '_bindings', {})
        self._apply(values)

    def _apply(self, values):
        for key, value in values.items():
            self._errors[:] = [e for e in self._errors if e['field'] != key]
            self._values.pop(key, None)
            if key not in self._schema:
                self._errors.append({'field': key, 'rule': 'unknown-field',
                                     'message': '%s has no field %r (fields: %s)' % (
                                         type(self).__name__, key, ', '.join(sorted(self._schema)))})
                continue
            checked, why = _check(self._schema[key].kind, value)
            if why is not None:
                self._errors.append({'field': key, 'rule': 'type',
                                     'message': '%s.%s %s' % (type(self).__name__, key, why)})
            elif checked is not None:
                self._values[key] = checked

    def _copy(self):
        clone = object.__new__(type(self))
        object.__setattr__(clone, '_where', _where())
        object.__setattr__(clone, '_values', dict(self._values))
        object.__setattr__(clone, '_errors', list(self._errors))
        object.__setattr__(clone, '_bindings', dict(self._bindings))
        return clone

    def __call__(self, *args, **kwargs):
        clone = self._copy()
        values = {}
        for arg in args:
            values.update(arg._values if isinstance(arg, Struct) else arg)
        values.update(kwargs)
        clone._apply(values)
        return clone

    def bind(self, *args, **kwargs):
        clone = self._copy()
        for arg in args:
            if isinstance(arg, Struct):
                clone._bindings.update(arg._values)
            else:
                clone._bindings.update(arg)
        clone._bindings.update(kwargs)
        return clone

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        schema = type(self)._schema
        if name in schema:
            field = schema[name]
            return lambda: _wrap(self._values.get(name, field.default))
        if name.startswith('has_') and name[4:] in schema:
            return lambda: name[4:] in self._values
        raise AttributeError('%s has no field %r' % (type(self).__name__, name))

    def __setattr__(self, name, value):
        raise AttributeError('%s objects are immutable: use %s(%s=...) to get a copy' % (
            type(self).__name__, 'obj', name))

    def __eq__(self, other):
        return type(self) is type(other) and self._values == other._values and self._bindings == other._bindings

    def __hash__(self):
        return hash(type(self).__name__)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join('%s=%r' % kv for kv in sorted(self._values.items())))

    def get(self):
        return dict((k, _plain(v)) for k, v in self._values.items())

    def check(self):
        return _CheckResult()

    def json_dumps(self):
        return json.dumps(self._to_json())

    def _to_json(self):
        out = {'$type': type(self).__name__, '$where': self._where}
        if self._bindings:
            out['$bind'] = _to_json(self._bindings)
        if self._errors:
            out['$errors'] = list(self._errors)
        for key, field in type(self)._schema.items():
            if key in self._values:
                out[key] = _to_json(self._values[key])
            elif field.default is not None:
                out[key] = _to_json(field.default)
            else:
                out[key] = None
        return out


class _CheckResult(object):
    def ok(self):
        return True

    def message(self):
        return ''


def _to_json(value):
    value = _unwrap(value)
    if isinstance(value, Struct):
        return value._to_json()
    if isinstance(value, dict):
        return dict((str(_unwrap(k)), _to_json(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        return float(value)
    if isinstance(value, str):
        return str(value)
    return str(value)


# ---------------------------------------------------------------- units

KB = 1024
MB = 1024 * KB
GB = 1024 * MB
TB = 1024 * GB


# ---------------------------------------------------------------- Thermos schema

class RotatePolicy(Struct):
    log_size = Default(Integer, 100 * MB)
    backups = Default(Integer, 5)


class Logger(Struct):
    destination = Default(Enum('LoggerDestination', ('file', 'console', 'both', 'none')), 'file')
    mode = Default(Enum('LoggerMode', ('standard', 'rotate')), 'standard')
    rotate = Default(RotatePolicy, RotatePolicy())


class Resources(Struct):
    cpu = Required(Float)
    ram = Required(Integer)
    disk = Required(Integer)
    gpu = Default(Integer, 0)


class Constraint(Struct):
    order = List(String)


class Process(Struct):
    cmdline = Required(String)
    name = Required(String)
    max_failures = Default(Integer, 1)
    daemon = Default(Boolean, False)
    ephemeral = Default(Boolean, False)
    min_duration = Default(Integer, 5)
    final = Default(Boolean, False)
    logger = Default(Logger, Logger())


class Task(Struct):
    name = Default(String, '{{processes[0].name}}')
    processes = Default(List(Process), [])
    constraints = Default(List(Constraint), [])
    resources = Resources
    max_failures = Default(Integer, 1)
    max_concurrency = Default(Integer, 0)
    finalization_wait = Default(Integer, 30)


def _process_name(item):
    if isinstance(item, Process):
        return item._values.get('name')
    if isinstance(item, str):
        return item
    raise TypeError('order() takes processes or process names, got %s' % _value_name(item))


def order(*items):
    return [Constraint(order=[_process_name(item) for item in items])]


def SequentialTask(*args, **kwargs):
    task = Task(*args, **kwargs)
    if task._values.get('constraints'):
        raise ValueError('SequentialTask orders all its processes: it cannot also take constraints')
    return task(constraints=order(*task._values.get('processes', [])))


def SimpleTask(name, command):
    return Task(name=name, processes=[Process(name=name, cmdline=command)],
                resources=Resources(cpu=1.0, ram=1 * GB, disk=1 * GB))


def _resource_values(task):
    resources = task._values.get('resources')
    if resources is None:
        return {}
    return resources._values


def _combine(tasks, resource_merge, wait_merge, extra_constraints):
    if not tasks:
        raise ValueError('combining tasks needs at least one task')
    processes = []
    constraints = []
    for task in tasks:
        processes.extend(task._values.get('processes', []))
        constraints.extend(task._values.get('constraints', []))
    constraints.extend(extra_constraints)
    merged = {}
    for key in ('cpu', 'ram', 'disk', 'gpu'):
        values = [_resource_values(t).get(key) for t in tasks]
        values = [v for v in values if v is not None]
        if values:
            if any(_is_template(v) for v in values):
                raise ValueError('cannot combine tasks whose resources.%s is a template' % key)
            merged[key] = resource_merge(values)
    waits = [t._values.get('finalization_wait', 30) for t in tasks]
    if any(_is_template(w) for w in waits):
        raise ValueError('cannot combine tasks whose finalization_wait is a template')
    return tasks[-1](processes=processes, constraints=constraints, resources=Resources(**merged),
                     finalization_wait=wait_merge(waits))


def combine_tasks(*tasks):
    return _combine(list(tasks), sum, max, [])


def concat_tasks(*tasks):
    tasks = list(tasks)
    extra = []
    for before, after in zip(tasks, tasks[1:]):
        for first in before._values.get('processes', []):
            for second in after._values.get('processes', []):
                extra.extend(order(first, second))
    return _combine(tasks, max, sum, extra)


class Tasks(object):
    simple = staticmethod(SimpleTask)
    combine = staticmethod(combine_tasks)
    concat = staticmethod(concat_tasks)


# ---------------------------------------------------------------- Aurora schema

class QueueUpdateStrategy(Struct):
    batch_size = Default(Integer, 1)


class BatchUpdateStrategy(Struct):
    batch_size = Default(Integer, 1)
    autopause_after_batch = Default(Boolean, False)


class VariableBatchUpdateStrategy(Struct):
    batch_sizes = Required(List(Integer))
    autopause_after_batch = Default(Boolean, False)


class UpdateConfig(Struct):
    batch_size = Default(Integer, 1)
    watch_secs = Default(Integer, 45)
    max_per_shard_failures = Default(Integer, 0)
    max_total_failures = Default(Integer, 0)
    rollback_on_failure = Default(Boolean, True)
    wait_for_batch_completion = Default(Boolean, False)
    pulse_interval_secs = Integer
    sla_aware = Default(Boolean, False)
    update_strategy = Choice([QueueUpdateStrategy, BatchUpdateStrategy, VariableBatchUpdateStrategy])


class HttpHealthChecker(Struct):
    endpoint = Default(String, '/health')
    expected_response = Default(String, 'ok')
    expected_response_code = Default(Integer, 0)
    url = String  # Tessera: an absolute URL to probe instead of the 'health' port


class ShellHealthChecker(Struct):
    shell_command = Required(String)


class HealthCheckerConfig(Struct):
    http = Default(HttpHealthChecker, HttpHealthChecker())
    shell = ShellHealthChecker


class HealthCheckConfig(Struct):
    health_checker = Default(HealthCheckerConfig, HealthCheckerConfig())
    initial_interval_secs = Default(Float, 15.0)
    interval_secs = Default(Float, 10.0)
    timeout_secs = Default(Float, 1.0)
    max_consecutive_failures = Default(Integer, 0)
    min_consecutive_successes = Default(Integer, 1)


class HttpLifecycleConfig(Struct):
    port = Default(String, 'health')
    graceful_shutdown_endpoint = Default(String, '/quitquitquit')
    shutdown_endpoint = Default(String, '/abortabortabort')
    graceful_shutdown_wait_secs = Default(Integer, 5)
    shutdown_wait_secs = Default(Integer, 5)


class LifecycleConfig(Struct):
    http = HttpLifecycleConfig


DefaultLifecycleConfig = LifecycleConfig(http=HttpLifecycleConfig())


class Announcer(Struct):
    primary_port = Default(String, 'http')
    portmap = Default(Map(String, String), {'aurora': '{{primary_port}}'})
    zk_path = String


class Parameter(Struct):
    name = Required(String)
    value = Required(String)


class Docker(Struct):
    image = Required(String)
    parameters = Default(List(Parameter), [])


class DockerImage(Struct):
    name = Required(String)
    tag = Required(String)


class AppcImage(Struct):
    name = Required(String)
    image_id = Required(String)


Mode = Enum('Mode', ('RO', 'RW'))


class Volume(Struct):
    container_path = Required(String)
    host_path = Required(String)
    mode = Required(Mode)


class Mesos(Struct):
    image = Choice([AppcImage, DockerImage])
    volumes = Default(List(Volume), [])


class Container(Struct):
    docker = Docker


class PartitionPolicy(Struct):
    reschedule = Default(Boolean, True)
    delay_secs = Default(Integer, 0)


class CountSlaPolicy(Struct):
    count = Required(Integer)
    duration_secs = Required(Integer)


class PercentageSlaPolicy(Struct):
    percentage = Required(Float)
    duration_secs = Required(Integer)


class CoordinatorSlaPolicy(Struct):
    coordinator_url = Required(String)
    status_key = Default(String, 'drain')


class Metadata(Struct):
    key = Required(String)
    value = Required(String)


class ExecutorConfig(Struct):
    name = Default(String, 'AuroraExecutor')
    data = Default(String, '')


_SIMPLE_FIELDS = ('cpu', 'ram', 'disk', 'gpu', 'process', 'processes', 'health_check')


def _simple_megabytes(field, value):
    value = _unwrap(value)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError('%s in the simplified form is a number of MB, got %s' % (field, _value_name(value)))
    if value >= MB_UNIT:
        raise ValueError('%s in the simplified form is in MB: %r MB looks like bytes; write %d, or use '
                         'task=Task(resources=Resources(%s=...)) for bytes' % (field, value, value // MB_UNIT, field))
    return int(round(value * MB_UNIT))


class Job(Struct):
    name = Default(String, '{{task.name}}')
    role = Required(String)
    cluster = Required(String)
    environment = Required(String)
    contact = String
    instances = Default(Integer, 1)
    task = Required(Task)
    announce = Announcer
    tier = String
    cron_schedule = String
    cron_collision_policy = Default(Enum('CronCollisionPolicy', ('KILL_EXISTING', 'CANCEL_NEW', 'RUN_OVERLAP')), 'KILL_EXISTING')
    update_config = Default(UpdateConfig, UpdateConfig())
    constraints = Map(String, String)
    metadata = Default(List(Metadata), [])
    service = Default(Boolean, False)
    max_task_failures = Default(Integer, 1)
    production = Default(Boolean, False)
    priority = Default(Integer, 0)
    health_check_config = Default(HealthCheckConfig, HealthCheckConfig())
    lifecycle = Default(LifecycleConfig, DefaultLifecycleConfig)
    executor_config = Default(ExecutorConfig, ExecutorConfig())
    enable_hooks = Default(Boolean, False)
    partition_policy = PartitionPolicy
    sla_policy = Choice([CountSlaPolicy, PercentageSlaPolicy, CoordinatorSlaPolicy])
    container = Choice([Container, Docker, Mesos])

    def __init__(self, *args, **kwargs):
        simple = dict((k, kwargs.pop(k)) for k in _SIMPLE_FIELDS if k in kwargs)
        inherited = []
        inner = kwargs.get('task')
        if isinstance(inner, Job):
            # The simplified form: Job(task=Service(name=..., cpu=..., process=...)).
            merged = dict((k, v) for k, v in inner._values.items() if k not in ('name',))
            if type(inner)._schema['service'].default and 'service' not in inner._values:
                merged['service'] = True
            merged.update(kwargs)
            merged['task'] = inner._values.get('task')
            kwargs = merged
            inherited = [dict(e, field='task.' + e['field'], where=e.get('where') or inner._where)
                         for e in inner._errors]
        Struct.__init__(self, *args, **kwargs)
        self._errors.extend(inherited)
        if simple:
            self._simplified(simple)

    def _simplified(self, simple):
        if 'task' in self._values:
            raise ValueError('give either task= or the simplified cpu/ram/disk/process fields, not both')
        processes = list(simple.get('processes') or [])
        if simple.get('process') is not None:
            processes.insert(0, simple['process'])
        resources = Resources(cpu=simple.get('cpu'),
                              ram=_simple_megabytes('ram', simple.get('ram')),
                              disk=_simple_megabytes('disk', simple.get('disk')),
                              gpu=simple.get('gpu'))
        task = {'processes': processes, 'resources': resources}
        if 'name' in self._values:
            task['name'] = self._values['name']
        values = {'task': Task(**task)}
        if simple.get('health_check') is not None:
            values['health_check_config'] = simple['health_check']
        self._apply(values)


class Service(Job):
    service = Default(Boolean, True)


def HealthCheck(url=None, **kwargs):
    """The simplified form's health check: HealthCheck(url=..., interval_secs=..., timeout_secs=...)."""
    checker = {}
    if url is not None:
        parsed = urllib.parse.urlparse(str(url))
        checker['endpoint'] = parsed.path or '/'
        if parsed.query:
            checker['endpoint'] += '?' + parsed.query
        checker['url'] = str(url)
    for key in ('endpoint', 'expected_response', 'expected_response_code'):
        if key in kwargs:
            checker[key] = kwargs.pop(key)
    return HealthCheckConfig(health_checker=HealthCheckerConfig(http=HttpHealthChecker(**checker)), **kwargs)


# ---------------------------------------------------------------- loading files

def _compile_and_run(path, namespace):
    _USER_FILES.add(path)
    with open(path, 'r') as handle:
        source = handle.read()
    code = compile(source, path, 'exec')
    exec(code, namespace)


def _inside(root, real):
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def include(path):
    path = str(_unwrap(path))
    caller = sys._getframe(1).f_code.co_filename
    if caller not in _USER_FILES:
        caller = _ROOT[1]
    if os.path.isabs(path):
        raise _IncludeRefused('include(%r) refused: absolute paths are not allowed; include files '
                              'relative to the including file, inside %s' % (path, _ROOT[0]))
    full = os.path.normpath(os.path.join(os.path.dirname(caller), path))
    if not _inside(_ROOT[0], os.path.realpath(full)):
        raise _IncludeRefused('include(%r) refused: it leaves the config directory %s' % (path, _ROOT[0]))
    if not os.path.isfile(full):
        raise _IncludeRefused('include(%r): no such file %s' % (path, full))
    _compile_and_run(full, _NAMESPACE)


_PUBLIC = [
    'Struct', 'Required', 'Default', 'String', 'Integer', 'Float', 'Boolean', 'List', 'Map', 'Enum', 'Choice',
    'Empty', 'KB', 'MB', 'GB', 'TB', 'Process', 'Task', 'Resources', 'Constraint', 'Logger', 'RotatePolicy',
    'order', 'SequentialTask', 'SimpleTask', 'Tasks', 'combine_tasks', 'concat_tasks', 'Job', 'Service',
    'UpdateConfig', 'QueueUpdateStrategy', 'BatchUpdateStrategy', 'VariableBatchUpdateStrategy',
    'HealthCheckConfig', 'HealthCheckerConfig', 'HttpHealthChecker', 'ShellHealthChecker', 'HealthCheck',
    'HttpLifecycleConfig', 'LifecycleConfig', 'DefaultLifecycleConfig', 'Announcer', 'Docker', 'Mesos',
    'Container', 'DockerImage', 'AppcImage', 'Volume', 'Mode', 'Parameter', 'PartitionPolicy',
    'CountSlaPolicy', 'PercentageSlaPolicy', 'CoordinatorSlaPolicy', 'Metadata', 'ExecutorConfig', 'include',
]
_NAMESPACE = {}


def _namespace():
    namespace = {'__name__': '__aurora__', '__builtins__': __builtins__}
    # Python 2 names that old configs use.
    namespace.update({'basestring': str, 'unicode': str, 'long': int, 'xrange': range})
    for name in _PUBLIC:
        namespace[name] = globals()[name]
    return namespace


def _user_location(error):
    if isinstance(error, SyntaxError) and error.filename in _USER_FILES:
        return {'file': error.filename, 'line': error.lineno}
    location = None
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename in _USER_FILES:
            location = {'file': trace.tb_frame.f_code.co_filename, 'line': trace.tb_lineno}
        trace = trace.tb_next
    return location


def _failure(kind, message, location):
    error = {'kind': kind, 'message': message}
    if location:
        error.update(location)
    return {'ok': False, 'error': error}


def _collect(namespace):
    if 'jobs' in namespace:
        jobs = _unwrap(namespace['jobs'])
        form = 'jobs'
        if not isinstance(jobs, (list, tuple)):
            return _failure('no-jobs', 'jobs must be a list of Job(...), got %s' % _value_name(jobs), None)
    elif 'job' in namespace:
        jobs = [namespace['job']]
        form = 'job'
    else:
        return _failure('no-jobs', 'the config defines neither jobs = [...] nor job = Job(...)', None)
    for index, job in enumerate(jobs):
        if not isinstance(job, Job):
            return _failure('no-jobs', '%s[%d] must be a Job(...), got %s' % (form, index, _value_name(job)), None)
    return {'ok': True, 'form': form, 'jobs': [job._to_json() for job in jobs]}


def _evaluate(out_fd):
    global _NAMESPACE
    path = sys.argv[1]
    memory = int(sys.argv[2])
    if memory > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    for blocked in ('socket', '_socket', 'ssl', '_ssl'):
        sys.modules[blocked] = None
    _ROOT[:] = [os.path.realpath(os.path.dirname(os.path.abspath(path))), path]
    _NAMESPACE = _namespace()
    sys.stdout = sys.stderr
    try:
        _compile_and_run(path, _NAMESPACE)
        result = _collect(_NAMESPACE)
    except MemoryError as error:
        result = _failure('memory', 'the config ran out of memory (limit %d MB)' % (memory // MB_UNIT),
                          _user_location(error))
    except _IncludeRefused as error:
        result = _failure('include', str(error), _user_location(error))
    except RecursionError as error:
        result = _failure('python', 'RecursionError: %s' % error, _user_location(error))
    except BaseException as error:
        result = _failure('python', '%s: %s' % (type(error).__name__, error), _user_location(error))
    text = json.dumps(result).encode('utf-8')
    while text:
        text = text[os.write(out_fd, text):]


# ---------------------------------------------------------------- the supervisor
#
# The evaluation runs in a child; this process outlives it in its own session, as a child
# subreaper: whatever the config started (a double-forked daemon included) is reparented here, and
# all of it is killed before this process exits, on success, on failure and on SIGTERM (the
# loader's timeout). The loader also kills the session's process group and, when it made one, the
# cgroup (CGROUP_DIR) this process joins first.

def _join_cgroup(directory):
    if directory:
        with open(os.path.join(directory, 'cgroup.procs'), 'w') as procs:
            procs.write(str(os.getpid()))


def _become_subreaper():
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (ImportError, OSError, AttributeError):
        pass


def _children():
    me = str(os.getpid())
    found = []
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % entry) as stat:
                text = stat.read()
        except OSError:
            continue
        if text[text.rindex(')') + 2:].split()[1] == me:
            found.append(int(entry))
    return found


def _kill_all():
    for _ in range(2000):
        children = _children()
        if not children:
            return
        for child in children:
            try:
                os.kill(child, signal.SIGKILL)
            except OSError:
                pass
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        time.sleep(0.005)


def _on_term(signum, frame):
    _kill_all()
    os._exit(124)


def _main():
    os.setsid()
    _join_cgroup(sys.argv[3])
    max_result = int(sys.argv[4])
    _become_subreaper()
    signal.signal(signal.SIGTERM, _on_term)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.close(read_fd)
        code = 0
        try:
            _evaluate(write_fd)
        except BaseException:
            import traceback
            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    # Read until the evaluating child has exited: a daemon it forked may hold the pipe open forever.
    # Past MAX_RESULT_BYTES the rest is read and dropped (the loader refuses such a result).
    result = bytearray()
    done = False
    while not done:
        if select.select([read_fd], [], [], 0.05)[0]:
            chunk = os.read(read_fd, 65536)
            if len(result) <= max_result:
                result += chunk
            done = not chunk
        if not done and os.waitpid(pid, os.WNOHANG)[0] == pid:
            os.set_blocking(read_fd, False)
            try:
                while True:
                    chunk = os.read(read_fd, 65536)
                    if not chunk:
                        break
                    if len(result) <= max_result:
                        result += chunk
            except BlockingIOError:
                pass
            pid = 0
            done = True
    _kill_all()
    _REAL_STDOUT.buffer.write(bytes(result))
    _REAL_STDOUT.flush()


_main()
