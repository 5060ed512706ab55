//! The state file on disk: one owner at a time (an advisory `flock` on the state file itself),
//! checked for type and size before it is read, writability proven at start, and durable atomic
//! replacement (a temporary file of its own per write, locked before it is renamed into place,
//! `fsync`, `rename`, `fsync` of the directory).
//!
//! The lock lives on the file's inode, not on a separate lock file that a cleaner of `*.lock` or
//! of old files could delete: every replacement is locked before its `rename`, so whatever inode
//! the path names is locked by its owner, and a second server that locked an inode just renamed
//! away sees that the path names another one and tries again.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Write as _};
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, OpenOptionsExt as _};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::state::StateError;

/// Largest state file read (256 MiB): far beyond what a server's accounts, instances and tokens
/// take (about 1 KiB per instance), and small enough to read into memory at start.
pub const MAX_STATE_BYTES: u64 = 256 * 1024 * 1024;

/// How often [`StateFile::acquire`] retries when the inode it locked was renamed away meanwhile
/// (each retry follows a write of the owner, which takes milliseconds).
const ACQUIRE_ATTEMPTS: usize = 100;

/// How long [`StateFile::acquire`] keeps trying a lock that is held before it reports
/// [`StateError::Locked`]. A server that has just stopped can leave its lock held for a moment
/// after its last descriptor is closed: a child that the embedding process forks in that window
/// (any `Command::spawn` on another thread) holds a copy of the descriptor, and with it the
/// lock, until it calls `exec` (well under this even on a loaded machine). A server that is
/// really running holds it for longer than this.
const LOCK_GRACE: std::time::Duration = std::time::Duration::from_millis(250);

/// The pause between two tries of a held lock within [`LOCK_GRACE`].
const LOCK_RETRY: std::time::Duration = std::time::Duration::from_millis(10);

/// The state file of a running server, with the lock that makes this server its only writer.
/// Clones share the lock (a write on a blocking thread uses one).
#[derive(Clone, Debug)]
pub struct StateFile {
    path: PathBuf,
    /// The open, locked inode the path names; replaced (under this mutex) by each write.
    held: Arc<Mutex<File>>,
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> StateError + '_ {
    move |source| StateError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn directory(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// What a path names that is not a regular file, for the error message.
fn kind_of(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        None
    } else if file_type.is_dir() {
        Some("a directory")
    } else if file_type.is_fifo() {
        Some("a FIFO")
    } else if file_type.is_char_device() {
        Some("a character device")
    } else if file_type.is_block_device() {
        Some("a block device")
    } else if file_type.is_socket() {
        Some("a socket")
    } else {
        Some("not a regular file")
    }
}

/// Refuses what is not a regular file of at most [`MAX_STATE_BYTES`].
fn check_metadata(path: &Path, metadata: &std::fs::Metadata) -> Result<(), StateError> {
    let invalid = |reason: String| StateError::Invalid {
        path: path.display().to_string(),
        reason,
    };
    if let Some(kind) = kind_of(metadata.file_type()) {
        return Err(invalid(format!(
            "it is {kind} (after following symbolic links), not a regular file"
        )));
    }
    if metadata.len() > MAX_STATE_BYTES {
        return Err(invalid(format!(
            "it has {} bytes, more than the {MAX_STATE_BYTES} a state file may have",
            metadata.len()
        )));
    }
    Ok(())
}

/// Whether `file` is the inode `path` names now.
fn names(path: &Path, file: &File) -> Result<bool, std::io::Error> {
    let open = file.metadata()?;
    match std::fs::metadata(path) {
        Ok(now) => Ok(now.dev() == open.dev() && now.ino() == open.ino()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Opens `path` without blocking (a FIFO must not hang the start) and without making a terminal
/// the controlling one; creates it (empty) when it does not exist. `true` when created.
fn open_or_create(path: &Path) -> Result<(File, bool), std::io::Error> {
    match OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
    {
        Ok(file) => Ok((file, false)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            match OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(path)
            {
                Ok(file) => Ok((file, true)),
                // Created by someone else meanwhile: open theirs (the caller locks it).
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    OpenOptions::new().read(true).open(path).map(|f| (f, false))
                }
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

impl StateFile {
    /// Takes the lock on `path` and reads what it holds: `None` when the file did not exist (it
    /// is created, empty). A second server on the same file is refused with
    /// [`StateError::Locked`] once the lock has stayed held for 250 ms; what is not a
    /// regular file, or is larger than [`MAX_STATE_BYTES`], is refused with
    /// [`StateError::Invalid`] before anything is read.
    pub fn acquire(path: &Path) -> Result<(Self, Option<Vec<u8>>), StateError> {
        let io = io_error(path);
        let started = std::time::Instant::now();
        let mut replaced = 0;
        while replaced < ACQUIRE_ATTEMPTS {
            // Checked before opening, so that no device or FIFO is even opened…
            match std::fs::metadata(path) {
                Ok(metadata) => check_metadata(path, &metadata)?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io(e)),
            }
            let (file, created) = open_or_create(path).map_err(&io)?;
            // …and again on what was opened, in case the path changed in between.
            check_metadata(path, &file.metadata().map_err(&io)?)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) if started.elapsed() < LOCK_GRACE => {
                    drop(file);
                    std::thread::sleep(LOCK_RETRY);
                    continue;
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StateError::Locked {
                        path: path.display().to_string(),
                    })
                }
                Err(TryLockError::Error(source)) => return Err(io(source)),
            }
            // The owner may have renamed a new version over the inode just locked.
            if !names(path, &file).map_err(&io)? {
                replaced += 1;
                continue;
            }
            let bytes = if created {
                None
            } else {
                let mut bytes = Vec::new();
                (&file)
                    .take(MAX_STATE_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map_err(&io)?;
                if bytes.len() as u64 > MAX_STATE_BYTES {
                    return Err(StateError::Invalid {
                        path: path.display().to_string(),
                        reason: format!(
                            "it grew past the {MAX_STATE_BYTES} bytes a state file may have while it was read"
                        ),
                    });
                }
                Some(bytes)
            };
            let held = Arc::new(Mutex::new(file));
            return Ok((
                Self {
                    path: path.to_path_buf(),
                    held,
                },
                bytes,
            ));
        }
        Err(StateError::Io {
            path: path.display().to_string(),
            source: std::io::Error::other(format!(
                "it was replaced {ACQUIRE_ATTEMPTS} times while its lock was being taken"
            )),
        })
    }

    /// The state file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the file's content durably (see [`write_atomically`]), the new inode locked
    /// before it takes the path, so that the path never names an unlocked inode.
    pub fn write(&self, bytes: &[u8]) -> Result<(), StateError> {
        let mut held = match self.held.lock() {
            Ok(held) => held,
            Err(poisoned) => poisoned.into_inner(),
        };
        let replacement = write_replacing(&self.path, bytes, true)?;
        // The previous inode (now unlinked) is closed, and its lock released, here.
        *held = replacement;
        Ok(())
    }
}

/// Writes `bytes` to `path` atomically and durably: a temporary file of its own in the same
/// directory (`.FILE.<uuid>.tmp`, so that no two writes ever share one), `fsync`, `rename` over
/// `path`, then `fsync` of the directory. On failure the temporary file is removed and `path` is
/// untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StateError> {
    write_replacing(path, bytes, false).map(drop)
}

/// [`write_atomically`], returning the new file open (and locked when `lock`).
fn write_replacing(path: &Path, bytes: &[u8], lock: bool) -> Result<File, StateError> {
    let io = io_error(path);
    let dir = directory(path);
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(path.file_name().unwrap_or_default());
    tmp_name.push(format!(".{}.tmp", uuid::Uuid::new_v4().simple()));
    let tmp = dir.join(tmp_name);
    let written = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        if lock {
            // A file of our own that nobody else has opened: taken at once.
            file.try_lock().map_err(std::io::Error::from)?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(file)
    })();
    let file = match written {
        Ok(file) => file,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(e));
        }
    };
    // Make the rename itself durable.
    let dir = File::open(&dir).map_err(&io)?;
    dir.sync_all().map_err(io)?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With one fixed temporary name, overlapping writes renamed each other's file away (the
    /// spurious "No such file or directory" of issue 12); each write now has its own.
    #[test]
    fn overlapping_writes_never_trip_over_each_other() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let payloads: Vec<Vec<u8>> = (0..8).map(|t| vec![b'a' + t; 64 * 1024]).collect();
        std::thread::scope(|scope| {
            for payload in &payloads {
                let path = &path;
                scope.spawn(move || {
                    for _ in 0..20 {
                        write_atomically(path, payload).expect("every write succeeds");
                    }
                });
            }
        });
        let last = std::fs::read(&path).expect("read");
        assert!(payloads.contains(&last), "the file is one whole write");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["state.json"], "no temporary file is left");
    }

    #[test]
    fn the_lock_is_exclusive_survives_every_write_and_is_released_on_drop() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let (first, bytes) = StateFile::acquire(&path).expect("first");
        assert_eq!(bytes, None, "a new file holds nothing yet");
        for round in 0..3 {
            first
                .write(format!("{{\"round\":{round}}}").as_bytes())
                .expect("writes");
            match StateFile::acquire(&path) {
                Err(StateError::Locked { path: locked }) => {
                    assert_eq!(locked, path.display().to_string());
                }
                other => panic!("expected Locked after write {round}, got {other:?}"),
            }
        }
        drop(first);
        let (_again, bytes) = StateFile::acquire(&path).expect("free again");
        assert_eq!(bytes.as_deref(), Some(&b"{\"round\":2}"[..]));
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["state.json"], "no lock file beside it");
    }

    /// A copy of a stopped server's descriptor (what a child forked just before it stopped holds
    /// until `exec`) keeps the lock: released within the grace, the next server gets the file;
    /// kept, the next server is refused, and only once the grace is over.
    #[test]
    fn a_lock_kept_briefly_by_a_copied_descriptor_is_waited_for() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let (first, _) = StateFile::acquire(&path).expect("first");
        first.write(b"{\"round\":1}").expect("writes");
        let copy = || {
            first
                .held
                .lock()
                .expect("not poisoned")
                .try_clone()
                .expect("dup")
        };
        let (kept, released_soon) = (copy(), copy());
        drop(first);

        let started = std::time::Instant::now();
        match StateFile::acquire(&path) {
            Err(StateError::Locked { .. }) => {}
            other => panic!("expected Locked while a copy keeps the lock, got {other:?}"),
        }
        assert!(
            started.elapsed() >= LOCK_GRACE,
            "refused before the grace was over"
        );
        drop(kept);

        let releaser = std::thread::spawn(move || {
            std::thread::sleep(LOCK_RETRY * 3);
            drop(released_soon);
        });
        let (_second, bytes) = StateFile::acquire(&path).expect("free once the copy is closed");
        assert_eq!(bytes.as_deref(), Some(&b"{\"round\":1}"[..]));
        releaser.join().expect("releaser");
    }
}
