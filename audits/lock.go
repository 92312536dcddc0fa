package audits

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// lockFile, in an audit's output directory, holds the audit that is writing into it. Two
// audits into one directory would each take the other's datasets for stale results and
// remove them; the second is refused instead, at once, naming the first.
const lockFile = ".dgcheck-audit.lock"

// lockHolder is what the lock file says of the audit that holds it.
type lockHolder struct {
	PID     int       `json:"pid"`
	Host    string    `json:"host"`
	Started time.Time `json:"started"`
}

// ErrOutputLocked is returned when another audit holds the output directory.
var ErrOutputLocked = errors.New("the output directory is in use by another audit")

// lockOut takes dir's lock for this process, and returns its release and, when it took over
// the lock of an audit that died on this host, a notice saying so. A lock held by a live
// process, or by one on another host (whose life this host cannot see), is ErrOutputLocked.
func lockOut(dir string, now time.Time) (release func(), notice string, err error) {
	path := filepath.Join(dir, lockFile)
	host, _ := os.Hostname()
	me := lockHolder{PID: os.Getpid(), Host: host, Started: now.UTC()}
	for attempt := 0; ; attempt++ {
		err := writeLock(path, me)
		if err == nil {
			return func() { os.Remove(path) }, notice, nil
		}
		if !errors.Is(err, fs.ErrExist) || attempt > 0 {
			return nil, "", fmt.Errorf("locking %s: %w", dir, err)
		}
		held, readErr := readLock(path)
		switch {
		case readErr != nil && !errors.Is(readErr, fs.ErrNotExist):
			// Lock files are written whole (writeLock): this one was damaged after.
			notice = fmt.Sprintf("took over the output directory's unreadable lock file %s (%v)", path, readErr)
		case readErr != nil:
			// It was released between the create and the read: try again.
		case held.Host == host && !processAlive(held.PID):
			notice = fmt.Sprintf("took over the output directory from audit pid %d on %s, started %s, which is no longer running",
				held.PID, held.Host, held.Started.Format(time.RFC3339))
		default:
			return nil, "", fmt.Errorf("%w: pid %d on host %s, started %s (lock file %s); wait for it to finish, or give another --output; remove the lock file only if that audit is not running",
				ErrOutputLocked, held.PID, held.Host, held.Started.Format(time.RFC3339), path)
		}
		// Of two audits taking over one stale lock, one removes it and both create: the
		// exclusive create lets one win, and the other, on its second attempt, is refused.
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, "", fmt.Errorf("locking %s: %w", dir, err)
		}
	}
}

// writeLock creates the lock file whole, failing with fs.ErrExist when there is one: the
// record is written to a temporary file first and linked into place, so that a reader never
// sees a lock file half written.
func writeLock(path string, h lockHolder) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), lockFile+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := json.NewEncoder(tmp).Encode(h); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Link(tmp.Name(), path)
}

func readLock(path string) (lockHolder, error) {
	var h lockHolder
	raw, err := os.ReadFile(path)
	if err != nil {
		return h, err
	}
	if err := json.Unmarshal(raw, &h); err != nil || h.PID <= 0 {
		return h, fmt.Errorf("not a lock record: %q", raw)
	}
	return h, nil
}
