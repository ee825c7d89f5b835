// Command mesos-go-scheduler is a small Mesos v1 HTTP scheduler written only against mesos-go's v1
// library (Debian's golang-github-mesos-mesos-go-dev). It launches N command tasks, acknowledges
// their status updates, reconciles them explicitly and implicitly, declines leftover offers and
// tears its framework down. Any error or timeout: a message on stderr and exit code 1.
//
// Build (GOPATH mode, Debian's sources):
//
//	GO111MODULE=off GOPATH=$(mktemp -d):/usr/share/gocode go build -o mesos-go-scheduler .
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"

	mesos "github.com/mesos/mesos-go/api/v1/lib"
	"github.com/mesos/mesos-go/api/v1/lib/encoding/codecs"
	"github.com/mesos/mesos-go/api/v1/lib/httpcli"
	"github.com/mesos/mesos-go/api/v1/lib/httpcli/httpsched"
	"github.com/mesos/mesos-go/api/v1/lib/scheduler"
	"github.com/mesos/mesos-go/api/v1/lib/scheduler/calls"
)

const (
	taskCpus = 0.1
	taskMem  = 32.0
)

type phase int

const (
	launching   phase = iota // waiting for an offer big enough for all tasks
	running                  // tasks launched, waiting for TASK_FINISHED of each
	explicitRec              // explicit RECONCILE sent, waiting for one answer per task
	implicitRec              // implicit RECONCILE sent, waiting for one answer per task
	holding                  // reconciled; FINISHED acknowledgements held back for -hold-acks
	waitDecline              // waiting for a leftover offer to decline (if none declined yet)
)

type task struct {
	agentID  string
	state    mesos.TaskState
	finished []byte // uuid of the TASK_FINISHED update, acknowledged after reconciliation
	explicit bool   // explicit reconciliation answer seen
	implicit bool   // implicit reconciliation answer seen
}

type sched struct {
	caller      calls.Caller
	frameworkID string
	n           int
	phase       phase
	tasks       map[string]*task
	launched    int
	acked       int
	declined    int
	explicit    int
	implicit    int
	updates     int
	redirects   int
	hold        time.Duration
	release     <-chan time.Time // fires when the held acknowledgements go out
}

func main() {
	master := flag.String("master", "http://127.0.0.1:5050", "master URL")
	n := flag.Int("tasks", 3, "number of tasks to launch")
	timeout := flag.Duration("timeout", 60*time.Second, "give up after this long")
	user := flag.String("user", "root", "FrameworkInfo.user")
	hold := flag.Duration("hold-acks", 0, "keep the TASK_FINISHED updates unacknowledged at least this long after reconciliation (the agent re-sends them meanwhile)")
	flag.Parse()

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	line, err := run(ctx, *master, *n, *user, *hold)
	if err != nil {
		fmt.Fprintf(os.Stderr, "mesos-go scheduler: FAILED: %v\n", err)
		os.Exit(1)
	}
	fmt.Println(line)
}

func run(ctx context.Context, master string, n int, user string, hold time.Duration) (string, error) {
	if n < 1 {
		return "", errors.New("-tasks must be at least 1")
	}
	endpoint := strings.TrimRight(master, "/") + "/api/v1/scheduler"
	s := &sched{n: n, hold: hold, tasks: map[string]*task{}}
	cli := httpcli.New(
		httpcli.Endpoint(endpoint),
		httpcli.Codec(codecs.ByMediaType[codecs.MediaTypeJSON]),
		// Observation only: count the 307s from a non-leading master that httpsched follows.
		httpcli.WrapDoer(func(do httpcli.DoFunc) httpcli.DoFunc {
			return func(req *http.Request) (*http.Response, error) {
				res, err := do(req)
				if err == nil && res.StatusCode == http.StatusTemporaryRedirect {
					s.redirects++
				}
				return res, err
			}
		}),
	)
	s.caller = httpsched.NewCaller(cli)

	failover := 60.0
	info := &mesos.FrameworkInfo{
		User:            user,
		Name:            "mesos-go-compat",
		FailoverTimeout: &failover,
		Capabilities: []mesos.FrameworkInfo_Capability{
			{Type: mesos.FrameworkInfo_Capability_PARTITION_AWARE},
			{Type: mesos.FrameworkInfo_Capability_TASK_KILLING_STATE},
		},
	}
	resp, err := s.caller.Call(ctx, calls.Subscribe(info))
	if err != nil {
		return "", fmt.Errorf("SUBSCRIBE: %w", err)
	}
	defer resp.Close()

	type decoded struct {
		e   *scheduler.Event
		err error
	}
	events := make(chan decoded, 64)
	go func() {
		for {
			var e scheduler.Event
			if err := resp.Decode(&e); err != nil {
				events <- decoded{err: err}
				close(events)
				return
			}
			events <- decoded{e: &e}
		}
	}()

loop:
	for {
		var d decoded
		select {
		case <-ctx.Done():
			return "", fmt.Errorf("timed out in phase %d (%s)", s.phase, s.summary())
		case d = <-events:
		case <-s.release:
			s.release = nil
			done, err := s.ackFinished(ctx)
			if err != nil {
				return "", err
			}
			if done {
				break loop
			}
			continue
		}
		if d.err != nil {
			return "", fmt.Errorf("event stream ended in phase %d: %w (%s)", s.phase, d.err, s.summary())
		}
		done, err := s.handle(ctx, d.e)
		if err != nil {
			return "", err
		}
		if done {
			break loop
		}
	}

	if err := s.call(ctx, &scheduler.Call{Type: scheduler.Call_TEARDOWN}); err != nil {
		return "", fmt.Errorf("TEARDOWN: %w", err)
	}
	// After TEARDOWN the master ends the subscription stream; events still queued may come first.
	stream := "open"
	deadline := time.After(5 * time.Second)
wait:
	for {
		select {
		case d, ok := <-events:
			if !ok || d.err != nil {
				stream = "closed"
				break wait
			}
		case <-deadline:
			break wait
		case <-ctx.Done():
			break wait
		}
	}
	return fmt.Sprintf("mesos-go scheduler: launched=%d finished=%d reconciled=%d implicit=%d acked=%d declined=%d redirects=%d updates=%d teardown=ok stream=%s framework=%s",
		s.launched, s.count(mesos.TASK_FINISHED), s.explicit, s.implicit, s.acked, s.declined, s.redirects, s.updates, stream, s.frameworkID), nil
}

func (s *sched) summary() string {
	return fmt.Sprintf("framework=%q launched=%d finished=%d acked=%d explicit=%d implicit=%d declined=%d updates=%d",
		s.frameworkID, s.launched, s.count(mesos.TASK_FINISHED), s.acked, s.explicit, s.implicit, s.declined, s.updates)
}

// call sends a call that answers no data (202) with the framework id filled in.
func (s *sched) call(ctx context.Context, c *scheduler.Call) error {
	return calls.CallNoData(ctx, s.caller, c.With(calls.Framework(s.frameworkID)))
}

func (s *sched) count(state mesos.TaskState) int {
	k := 0
	for _, t := range s.tasks {
		if t.state == state {
			k++
		}
	}
	return k
}

// handle processes one event; true when everything up to TEARDOWN is done.
func (s *sched) handle(ctx context.Context, e *scheduler.Event) (bool, error) {
	switch e.GetType() {
	case scheduler.Event_SUBSCRIBED:
		s.frameworkID = e.GetSubscribed().GetFrameworkID().GetValue()
		if s.frameworkID == "" {
			return false, errors.New("SUBSCRIBED without a framework id")
		}
	case scheduler.Event_HEARTBEAT:
	case scheduler.Event_OFFERS:
		return s.offers(ctx, e.GetOffers().GetOffers())
	case scheduler.Event_RESCIND:
	case scheduler.Event_UPDATE:
		return s.update(ctx, e.GetUpdate().GetStatus())
	case scheduler.Event_ERROR:
		return false, fmt.Errorf("ERROR event: %s", e.GetError().GetMessage())
	case scheduler.Event_FAILURE:
		return false, fmt.Errorf("FAILURE event: %v", e.GetFailure())
	default:
		return false, fmt.Errorf("unexpected event %v", e.GetType())
	}
	return false, nil
}

func (s *sched) offers(ctx context.Context, offers []mesos.Offer) (bool, error) {
	var decline []mesos.OfferID
	for i := range offers {
		o := &offers[i]
		if s.phase == launching && s.launched == 0 {
			if tasks, ok := s.tasksFor(o); ok {
				accept := calls.Accept(calls.OfferOperations{calls.OpLaunch(tasks...)}.WithOffers(o.ID)).
					With(calls.RefuseSeconds(0)) // the unused part comes straight back: we decline it
				if err := s.call(ctx, accept); err != nil {
					return false, fmt.Errorf("ACCEPT of offer %s: %w", o.ID.Value, err)
				}
				for _, t := range tasks {
					s.tasks[t.TaskID.Value] = &task{agentID: o.AgentID.Value, state: mesos.TASK_STAGING}
				}
				s.launched = len(tasks)
				s.phase = running
				continue
			}
		}
		decline = append(decline, o.ID)
	}
	if len(decline) > 0 {
		if err := s.call(ctx, calls.Decline(decline...).With(calls.RefuseSeconds(time.Hour))); err != nil {
			return false, fmt.Errorf("DECLINE: %w", err)
		}
		s.declined += len(decline)
	}
	return s.phase == waitDecline && s.declined > 0, nil
}

// tasksFor builds the N tasks from the offer's own cpus and mem resources (keeping role,
// reservation and allocation_info as offered); false if the offer is too small.
func (s *sched) tasksFor(o *mesos.Offer) ([]mesos.TaskInfo, bool) {
	pick := func(name string, amount float64) (mesos.Resource, bool) {
		for _, r := range o.Resources {
			if r.Name == name && r.Scalar != nil && r.Scalar.Value >= amount*float64(s.n)-1e-9 {
				c := r
				c.Scalar = &mesos.Value_Scalar{Value: amount}
				return c, true
			}
		}
		return mesos.Resource{}, false
	}
	cpus, ok1 := pick("cpus", taskCpus)
	mem, ok2 := pick("mem", taskMem)
	if !ok1 || !ok2 {
		return nil, false
	}
	tasks := make([]mesos.TaskInfo, 0, s.n)
	for i := 1; i <= s.n; i++ {
		id := fmt.Sprintf("mesos-go-task-%d", i)
		tasks = append(tasks, mesos.TaskInfo{
			Name:      id,
			TaskID:    mesos.TaskID{Value: id},
			AgentID:   o.AgentID,
			Resources: []mesos.Resource{cpus, mem},
			Command:   &mesos.CommandInfo{Value: str("true")},
		})
	}
	return tasks, true
}

func (s *sched) update(ctx context.Context, st mesos.TaskStatus) (bool, error) {
	s.updates++
	id := st.TaskID.Value
	t, known := s.tasks[id]
	if !known {
		return false, fmt.Errorf("update for unknown task %q: %s %s", id, st.GetState(), st.GetMessage())
	}
	if st.GetReason() == mesos.REASON_RECONCILIATION {
		return s.reconciled(ctx, id, t, st)
	}
	if len(st.UUID) == 0 {
		return false, fmt.Errorf("update %s for %s without a uuid and not a reconciliation answer", st.GetState(), id)
	}
	switch st.GetState() {
	case mesos.TASK_STAGING, mesos.TASK_STARTING, mesos.TASK_RUNNING:
		if t.state != mesos.TASK_FINISHED { // a re-sent copy may trail the terminal update
			t.state = st.GetState()
		}
	case mesos.TASK_FINISHED:
		t.state = mesos.TASK_FINISHED
		// The acknowledgement waits until after reconciliation, so that the master still knows the
		// tasks and implicit reconciliation has something to answer. Re-sent copies are expected.
		if s.phase != waitDecline {
			t.finished = st.UUID
			if s.phase == running && s.count(mesos.TASK_FINISHED) == s.n {
				return false, s.reconcileExplicit(ctx)
			}
			return false, nil
		}
	default:
		return false, fmt.Errorf("task %s ended %s (reason %s): %s", id, st.GetState(), st.GetReason(), st.GetMessage())
	}
	return false, s.ack(ctx, st)
}

func (s *sched) ack(ctx context.Context, st mesos.TaskStatus) error {
	c := calls.Acknowledge(st.GetAgentID().GetValue(), st.TaskID.Value, st.UUID)
	if err := s.call(ctx, c); err != nil {
		return fmt.Errorf("ACKNOWLEDGE %s %s: %w", st.TaskID.Value, st.GetState(), err)
	}
	s.acked++
	return nil
}

func (s *sched) reconcileExplicit(ctx context.Context) error {
	m := map[string]string{}
	for id, t := range s.tasks {
		m[id] = t.agentID
	}
	s.phase = explicitRec
	if err := s.call(ctx, calls.Reconcile(calls.ReconcileTasks(m))); err != nil {
		return fmt.Errorf("explicit RECONCILE: %w", err)
	}
	return nil
}

func (s *sched) reconciled(ctx context.Context, id string, t *task, st mesos.TaskStatus) (bool, error) {
	if len(st.UUID) != 0 {
		return false, fmt.Errorf("reconciliation answer for %s carries a uuid", id)
	}
	if st.GetState() != mesos.TASK_FINISHED {
		return false, fmt.Errorf("reconciliation answer for %s is %s, want TASK_FINISHED", id, st.GetState())
	}
	switch s.phase {
	case explicitRec:
		if !t.explicit {
			t.explicit = true
			s.explicit++
		}
		if s.explicit == s.n {
			s.phase = implicitRec
			if err := s.call(ctx, calls.Reconcile()); err != nil {
				return false, fmt.Errorf("implicit RECONCILE: %w", err)
			}
		}
	case implicitRec:
		if !t.implicit {
			t.implicit = true
			s.implicit++
		}
		if s.implicit == s.n {
			s.phase = holding
			s.release = time.After(s.hold)
		}
	default:
		return false, fmt.Errorf("unexpected reconciliation answer for %s in phase %d", id, s.phase)
	}
	return false, nil
}

// ackFinished acknowledges the TASK_FINISHED updates held back for reconciliation.
func (s *sched) ackFinished(ctx context.Context) (bool, error) {
	s.phase = waitDecline
	ids := make([]string, 0, len(s.tasks))
	for id := range s.tasks {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t := s.tasks[id]
		st := mesos.TaskStatus{TaskID: mesos.TaskID{Value: id}, AgentID: &mesos.AgentID{Value: t.agentID}, UUID: t.finished}
		finished := mesos.TASK_FINISHED
		st.State = &finished
		if err := s.ack(ctx, st); err != nil {
			return false, err
		}
	}
	return s.declined > 0, nil
}

func str(s string) *string { return &s }
