//! Turning a connection away so that the person reads why: a limit (the room is full, too many
//! connections from an address) refuses before any SSH session is set up for it.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use tokio::net::TcpStream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use crate::serve::server::{Shared, disconnect};

/// Refused connections told why at once; more are closed with a line before the banner.
pub(crate) const MAX_TELLING: usize = 8;
/// How long telling a refused client why may take.
pub(crate) const TELL_TIMEOUT: Duration = Duration::from_secs(5);

/// Turns a connection away with a reason the person sees: OpenSSH shows a line sent before
/// the SSH banner only with `-v`, so the key exchange is finished and the client is
/// disconnected with the reason, which `ssh` prints ("Received disconnect from ...: briefing:
/// the room is full"). A key exchange costs the server about a millisecond of CPU: at most
/// [`MAX_TELLING`] refusals are told at once, and a flood past that is closed with the line only.
pub(crate) fn refuse(
    shared: &Shared,
    config: &Arc<russh::server::Config>,
    telling: &Arc<Semaphore>,
    stream: TcpStream,
    peer: SocketAddr,
    why: &'static str,
) {
    shared.stats.refused_full.fetch_add(1, Ordering::Relaxed);
    shared.log.line(format_args!("refused {peer}: {why}"));
    match Arc::clone(telling).try_acquire_owned() {
        Ok(permit) => {
            tokio::spawn(tell(Arc::clone(config), stream, why, permit));
        }
        Err(_) => {
            let _ = stream.try_write(format!("briefing: {why}\r\n").as_bytes());
        }
    }
}

/// Finishes the key exchange with a refused client, then disconnects it with `why`.
async fn tell(
    config: Arc<russh::server::Config>,
    stream: TcpStream,
    why: &'static str,
    _permit: OwnedSemaphorePermit,
) {
    let (ready, keys_exchanged) = oneshot::channel();
    let refuser = Refuser {
        ready: Some(ready),
        why,
    };
    let Ok(Ok(running)) = tokio::time::timeout(
        TELL_TIMEOUT,
        russh::server::run_stream(config, stream, refuser),
    )
    .await
    else {
        return;
    };
    let handle = running.handle();
    let mut running = std::pin::pin!(running);
    tokio::select! {
        _ = &mut running => return,
        _ = tokio::time::timeout(TELL_TIMEOUT, keys_exchanged) => {}
    }
    disconnect(&handle, &format!("briefing: {why}")).await;
    let _ = tokio::time::timeout(TELL_TIMEOUT, &mut running).await;
}

/// The russh handler of a refused connection: it lets no one in, and says when the keys are
/// exchanged (the client asks to authenticate), so that the reason can be sent encrypted.
struct Refuser {
    ready: Option<oneshot::Sender<()>>,
    why: &'static str,
}

impl russh::server::Handler for Refuser {
    type Error = russh::Error;

    async fn authentication_banner(&mut self) -> Result<Option<String>, Self::Error> {
        if let Some(ready) = self.ready.take() {
            let _ = ready.send(());
        }
        // Shown by OpenSSH before anything else it says about authentication; the disconnect
        // that follows carries the same reason for clients that do not show banners.
        Ok(Some(format!("briefing: {}\r\n", self.why)))
    }
}
