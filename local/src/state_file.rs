//! The state file on disk: one owner at a time (an advisory lock on `FILE.lock`), writability
//! proven at start, and durable atomic replacement (a temporary file of its own per write,
//! `fsync`, `rename`, `fsync` of the directory).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::state::StateError;

/// The state file of a running server, with the lock that makes this server its only writer.
#[derive(Debug)]
pub struct StateFile {
    path: PathBuf,
    /// Held (locked) for as long as the server owns the file; released when dropped.
    _lock: File,
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> StateError + '_ {
    move |source| StateError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// `FILE.lock`, beside the state file (the state file itself is replaced on every write, so a
/// lock on it would not outlive the first write).
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    directory(path).join(name)
}

fn directory(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl StateFile {
    /// Takes the lock on `path` (without waiting): a second server on the same file is refused
    /// with [`StateError::Locked`].
    pub fn acquire(path: &Path) -> Result<Self, StateError> {
        let lock_path = lock_path(path);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io_error(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => Ok(Self {
                path: path.to_path_buf(),
                _lock: lock,
            }),
            Err(TryLockError::WouldBlock) => Err(StateError::Locked {
                path: path.display().to_string(),
                lock: lock_path.display().to_string(),
            }),
            Err(TryLockError::Error(source)) => Err(StateError::Io {
                path: lock_path.display().to_string(),
                source,
            }),
        }
    }

    /// The state file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the file's content durably (see [`write_atomically`]).
    pub fn write(&self, bytes: &[u8]) -> Result<(), StateError> {
        write_atomically(&self.path, bytes)
    }
}

/// Writes `bytes` to `path` atomically and durably: a temporary file of its own in the same
/// directory (`.FILE.<uuid>.tmp`, so that no two writes ever share one), `fsync`, `rename` over
/// `path`, then `fsync` of the directory. On failure the temporary file is removed and `path` is
/// untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StateError> {
    let io = io_error(path);
    let dir = directory(path);
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(path.file_name().unwrap_or_default());
    tmp_name.push(format!(".{}.tmp", uuid::Uuid::new_v4().simple()));
    let tmp = dir.join(tmp_name);
    let written = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    // Make the rename itself durable.
    let dir = File::open(&dir).map_err(&io)?;
    dir.sync_all().map_err(io)?;
    Ok(())
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
    fn the_lock_is_exclusive_and_released_on_drop() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let first = StateFile::acquire(&path).expect("first");
        match StateFile::acquire(&path) {
            Err(StateError::Locked { lock, .. }) => {
                assert_eq!(lock, lock_path(&path).display().to_string());
            }
            other => panic!("expected Locked, got {other:?}"),
        }
        drop(first);
        StateFile::acquire(&path).expect("free again");
    }
}
