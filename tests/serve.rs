//! `briefing serve` end to end with the russh client: the server runs in-process on 127.0.0.1
//! with an ephemeral port, attendees connect over real TCP, and their screens are read back
//! with vt100 and compared with what the renderer draws for the same state.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::serve as support;

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use briefing::app::Hooks;
use briefing::app::{Action, Pane, Size, update};
use briefing::serve::{Access, Limits, PresenterHooks};
use russh::ChannelMsg;
use russh::client;
use support::{Attendee, DEADLINE, Login, Room, connect, screen_lines, test_limits};
use tokio::time::timeout;

const SMALL: Size = Size::new(80, 24);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendee_follows_the_presenter_then_browses_with_f() {
    let mut room = Room::with_keys(test_limits()).await;
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_screen("the presenter's view", &room.following_screen(SMALL))
        .await;
    assert!(a.parser.screen().alternate_screen());
    assert!(a.parser.screen().hide_cursor());
    room.wait_watchers(1).await;

    room.advance();
    room.press("j");
    a.wait_screen(
        "the view after the presenter advanced",
        &room.following_screen(SMALL),
    )
    .await;

    // `f` switches to browsing; the status line says so and how to come back.
    a.send(b"f").await;
    let browsing = room.attendee_screen(SMALL, "f", false);
    a.wait_screen("the browsing status", &browsing).await;
    assert!(
        browsing.last().unwrap().contains("f pour suivre"),
        "{browsing:?}"
    );
    a.send(b"4").await;
    let own = room.attendee_screen(SMALL, "f4", false);
    a.wait_screen("the attendee's own pane", &own).await;

    // The presenter advances; a second attendee sees it, the browsing one keeps their own
    // view (their next key scrolls from where they were, not from the presenter's pane).
    let mut b = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    let own_then = room.attendee_screen(SMALL, "f4j", false);
    room.advance();
    b.wait_screen("the new pane", &room.following_screen(SMALL))
        .await;
    a.send(b"j").await;
    a.wait_screen("the attendee's own pane, scrolled", &own_then)
        .await;

    // `f` again follows, and jumps to where the presenter is now.
    a.send(b"f").await;
    a.wait_screen("the presenter's view again", &room.following_screen(SMALL))
        .await;
    assert_eq!(
        screen_lines(b.parser.screen()),
        room.following_screen(SMALL),
        "nothing the first attendee did reached the second"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendee_keys_coalesced_in_one_packet_all_act() {
    let room = Room::with_keys(test_limits()).await;
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    a.send(b"2\x1b[B\x1b[Bj").await;
    a.wait_screen(
        "pane 2 scrolled three lines",
        &room.attendee_screen(SMALL, "2jjj", false),
    )
    .await;
    // A lone Esc arrives alone and still counts: it leaves zoom.
    a.send(b"\r").await;
    a.wait_screen("zoomed", &room.attendee_screen(SMALL, "2jjj<Enter>", false))
        .await;
    a.send(b"\x1b").await;
    a.wait_screen(
        "unzoomed",
        &room.attendee_screen(SMALL, "2jjj<Enter><Esc>", false),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendee_resize_rerenders_at_the_new_size() {
    let room = Room::with_keys(test_limits()).await;
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_screen("80x24", &room.following_screen(SMALL)).await;
    let narrow = Size::new(50, 15);
    a.resize(narrow).await;
    a.wait_screen("50x15", &room.following_screen(narrow)).await;
    let wide = Size::new(120, 40);
    a.resize(wide).await;
    a.wait_screen("120x40", &room.following_screen(wide)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendee_oversized_pty_is_clamped_not_allocated() {
    let room = Room::with_keys(test_limits()).await;
    let max = Limits::default().max_size;
    let mut a = Attendee::join_claiming(
        room.port(),
        Login::Key(&room.key.clone()),
        Size::new(65535, 65535),
        max,
    )
    .await;
    a.wait_screen("a frame at the largest size", &room.following_screen(max))
        .await;
    // u32 sizes beyond u16 on a window change too.
    a.channel
        .window_change(u32::MAX, u32::MAX, u32::MAX, u32::MAX)
        .await
        .unwrap();
    a.send(b"2").await;
    a.wait_screen(
        "still the largest size",
        &room.attendee_screen(max, "2", false),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendee_q_restores_the_terminal_and_exits_zero() {
    let room = Room::with_keys(test_limits()).await;
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    room.wait_watchers(1).await;
    a.send(b"q").await;
    a.wait_closed().await;
    assert!(
        !a.parser.screen().alternate_screen(),
        "left the alternate screen"
    );
    assert!(!a.parser.screen().hide_cursor(), "cursor shown again");
    assert_eq!(a.exit_status, Some(0));
    room.wait_watchers(0).await;

    let mut b = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    b.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    b.send(b"\x03").await;
    b.wait_closed().await;
    assert_eq!(b.exit_status, Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presenter_shutdown_says_goodbye_to_attendees() {
    let room = Room::with_keys(test_limits()).await;
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    let server = room.server;
    let done = tokio::spawn(server.shutdown(DEADLINE));
    a.wait_until("the goodbye", |s| {
        s.contents().contains("the presentation has ended")
    })
    .await;
    a.wait_closed().await;
    assert!(!a.parser.screen().alternate_screen());
    timeout(DEADLINE, done).await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_wrong_key_wrong_passcode_and_none_are_refused() {
    let room = Room::with_keys(test_limits()).await;
    let stranger = support::random_key();
    assert!(
        !connect(room.port(), Login::Key(&stranger)).await.1,
        "unknown key"
    );
    assert!(
        !connect(room.port(), Login::None).await.1,
        "no authentication"
    );
    assert!(
        !connect(room.port(), Login::Password("x")).await.1,
        "password in key mode"
    );
    assert!(
        connect(room.port(), Login::Key(&room.key)).await.1,
        "the listed key"
    );

    // The file is re-read on every attempt: an added key works at once.
    let path = room.dir.path().join("authorized_keys");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&stranger.public_key().to_openssh().unwrap());
    std::fs::write(&path, text).unwrap();
    assert!(
        connect(room.port(), Login::Key(&stranger)).await.1,
        "a key added live"
    );
    assert!(room.server.stats().refused_auth.load(Ordering::Relaxed) >= 2);

    let pass = Room::with_access(Access::Passcode("tulip-42".into()), test_limits()).await;
    assert!(!connect(pass.port(), Login::Password("tulip-43")).await.1);
    assert!(!connect(pass.port(), Login::None).await.1);
    assert!(!connect(pass.port(), Login::Key(&stranger)).await.1);
    assert!(connect(pass.port(), Login::Password("tulip-42")).await.1);

    let open = Room::with_access(Access::Open, test_limits()).await;
    assert!(connect(open.port(), Login::None).await.1);
}

/// Waits for the reply to a request on `channel`.
async fn reply(channel: &mut russh::Channel<client::Msg>) -> ChannelMsg {
    loop {
        match timeout(DEADLINE, channel.wait()).await.unwrap() {
            Some(msg @ (ChannelMsg::Success | ChannelMsg::Failure)) => return msg,
            Some(_) => continue,
            None => panic!("the channel closed"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_exec_sftp_env_x11_agent_and_a_second_channel_are_refused() {
    let room = Room::with_keys(test_limits()).await;
    let (handle, ok) = connect(room.port(), Login::Key(&room.key)).await;
    assert!(ok);
    let mut ch = handle.channel_open_session().await.unwrap();
    ch.exec(true, "id").await.unwrap();
    assert!(matches!(reply(&mut ch).await, ChannelMsg::Failure), "exec");
    ch.request_subsystem(true, "sftp").await.unwrap();
    assert!(matches!(reply(&mut ch).await, ChannelMsg::Failure), "sftp");
    ch.set_env(true, "LD_PRELOAD", "/tmp/x.so").await.unwrap();
    assert!(matches!(reply(&mut ch).await, ChannelMsg::Failure), "env");
    ch.request_x11(true, false, "MIT-MAGIC-COOKIE-1", "00", 0)
        .await
        .unwrap();
    assert!(matches!(reply(&mut ch).await, ChannelMsg::Failure), "x11");
    ch.agent_forward(true).await.unwrap();
    assert!(matches!(reply(&mut ch).await, ChannelMsg::Failure), "agent");
    assert!(
        handle.channel_open_session().await.is_err(),
        "one session channel per connection"
    );
    // The first channel still works after all that.
    ch.request_pty(true, "xterm", 80, 24, 0, 0, &[])
        .await
        .unwrap();
    assert!(matches!(reply(&mut ch).await, ChannelMsg::Success), "pty");
    // Each refusal counted and logged: exec, sftp, env, X11, agent, the second channel.
    assert_eq!(
        room.server.stats().refused_requests.load(Ordering::Relaxed),
        6
    );
    let log = std::fs::read_to_string(room.dir.path().join("serve.log")).unwrap();
    assert!(
        log.contains("refused environment variable 'LD_PRELOAD'"),
        "{log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn port_forwarding_both_ways_is_refused() {
    let room = Room::with_keys(test_limits()).await;
    let (handle, ok) = connect(room.port(), Login::Key(&room.key)).await;
    assert!(ok);
    assert!(
        handle.tcpip_forward("127.0.0.1", 0).await.is_err(),
        "remote forwarding"
    );
    let direct = handle
        .channel_open_direct_tcpip("127.0.0.1", u32::from(room.port()), "127.0.0.1", 5000)
        .await;
    assert!(direct.is_err(), "local forwarding");
    assert!(
        handle
            .streamlocal_forward("/tmp/briefing-test.sock")
            .await
            .is_err()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shell_without_a_pty_is_told_why_and_closed() {
    let room = Room::with_keys(test_limits()).await;
    let (handle, ok) = connect(room.port(), Login::Key(&room.key)).await;
    assert!(ok);
    let mut ch = handle.channel_open_session().await.unwrap();
    ch.request_shell(true).await.unwrap();
    let mut text = Vec::new();
    let mut status = None;
    while let Ok(Some(msg)) = timeout(DEADLINE, ch.wait()).await {
        match msg {
            ChannelMsg::Data { data } => text.extend_from_slice(&data),
            ChannelMsg::ExitStatus { exit_status } => status = Some(exit_status),
            ChannelMsg::Close => break,
            _ => {}
        }
    }
    assert!(String::from_utf8_lossy(&text).contains("needs a terminal"));
    assert_eq!(status, Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_reconnecting_in_a_loop_is_slowed_down() {
    let limits = Limits {
        connect_rate: 3,
        ..test_limits()
    };
    let room = Room::with_keys(limits).await;
    for _ in 0..3 {
        let (handle, ok) = connect(room.port(), Login::Key(&room.key)).await;
        assert!(ok);
        drop(handle);
    }
    // Each connection above has ended: only the rate turns the fourth away, saying why.
    let said = support::refusal(room.port(), &room.key).await;
    let why = "briefing: too many new connections from your address; try again in a minute";
    assert!(
        said.iter().any(|s| s.contains(why)),
        "the fourth new connection in a minute is turned away: {said:?}"
    );
    assert!(room.server.stats().refused_full.load(Ordering::Relaxed) >= 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_refuse_past_max_sessions_and_per_address() {
    let limits = Limits {
        max_sessions: 2,
        ..test_limits()
    };
    let room = Room::with_keys(limits).await;
    let (_a, ok_a) = connect(room.port(), Login::Key(&room.key)).await;
    let (_b, ok_b) = connect(room.port(), Login::Key(&room.key)).await;
    assert!(ok_a && ok_b);
    let said = support::refusal(room.port(), &room.key).await;
    // The banner always comes first; the disconnect with the same reason follows, unless the
    // client has already given up (no method left to try).
    assert_eq!(
        said.first().map(String::as_str),
        Some("briefing: the room is full; try again later\r\n"),
        "the third connection is told why: {said:?}"
    );
    assert!(
        said.iter().all(|s| s.contains("the room is full")),
        "{said:?}"
    );
    assert!(room.server.stats().refused_full.load(Ordering::Relaxed) >= 1);

    let per_address = Limits {
        max_per_address: 1,
        ..test_limits()
    };
    let room = Room::with_keys(per_address).await;
    let (_a, ok) = connect(room.port(), Login::Key(&room.key)).await;
    assert!(ok);
    let said = support::refusal(room.port(), &room.key).await;
    assert!(
        said.iter()
            .any(|s| s.contains("too many connections from your address")),
        "a second connection from the same address: {said:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_auth_grace_disconnects_clients_that_never_authenticate_or_never_view() {
    let limits = Limits {
        auth_grace: Duration::from_millis(500),
        ..test_limits()
    };
    let room = Room::with_keys(limits).await;
    let handle = client::connect(
        Arc::new(client::Config::default()),
        ("127.0.0.1", room.port()),
        support::Client { host_key: None },
    )
    .await
    .unwrap();
    let end = tokio::time::Instant::now() + DEADLINE;
    while !handle.is_closed() && tokio::time::Instant::now() < end {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(handle.is_closed(), "still connected after the grace period");
    let mut live = room.server.connections();
    let end = tokio::time::Instant::now() + DEADLINE;
    while live > 0 && tokio::time::Instant::now() < end {
        tokio::time::sleep(Duration::from_millis(20)).await;
        live = room.server.connections();
    }
    assert_eq!(live, 0);

    // Authenticated, but never asking for a view (as `ssh -N` does): let go as well.
    let (handle, ok) = connect(room.port(), Login::Key(&room.key)).await;
    assert!(ok);
    let end = tokio::time::Instant::now() + DEADLINE;
    while !handle.is_closed() && tokio::time::Instant::now() < end {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(handle.is_closed(), "still connected without a view");
}

/// A client handler that stops reading: its first data callback never returns, so its SSH
/// window is never re-opened and the server cannot send it anything more.
struct Stalled;

impl client::Handler for Stalled {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }

    async fn data(
        &mut self,
        _channel: russh::ChannelId,
        _data: &[u8],
        _session: &mut client::Session,
    ) -> Result<(), Self::Error> {
        std::future::pending::<()>().await;
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stalled_attendee_is_dropped_while_others_keep_up() {
    let limits = Limits {
        stall: Duration::from_secs(1),
        ..test_limits()
    };
    let mut room = Room::with_keys(limits).await;
    let config = client::Config {
        window_size: 4096,
        maximum_packet_size: 1024,
        ..Default::default()
    };
    let mut stalled = client::connect(Arc::new(config), ("127.0.0.1", room.port()), Stalled)
        .await
        .unwrap();
    let auth = stalled
        .authenticate_publickey(
            "slow",
            russh::keys::PrivateKeyWithHashAlg::new(Arc::new(room.key.clone()), None),
        )
        .await
        .unwrap();
    assert!(auth.success());
    let ch = stalled.channel_open_session().await.unwrap();
    ch.request_pty(false, "xterm", 300, 100, 0, 0, &[])
        .await
        .unwrap();
    ch.request_shell(false).await.unwrap();

    let mut good = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    good.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    // russh takes frames until its queue to the connection is full; a busy machine coalesces
    // changes into fewer frames, so keep changing until the stalled one is found out.
    let give_up = std::time::Instant::now() + DEADLINE;
    while room.server.stats().stalled.load(Ordering::Relaxed) == 0 {
        assert!(
            std::time::Instant::now() < give_up,
            "the stalled attendee was never dropped"
        );
        room.advance();
        room.press("j");
        good.wait_screen("each change", &room.following_screen(SMALL))
            .await;
    }
    room.wait_watchers(1).await;
    room.advance();
    good.wait_screen("still keeping up", &room.following_screen(SMALL))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disconnect_in_the_middle_of_a_frame_leaves_the_server_serving() {
    let mut room = Room::with_keys(test_limits()).await;
    let (handle, ok) = connect(room.port(), Login::Key(&room.key)).await;
    assert!(ok);
    let mut ch = handle.channel_open_session().await.unwrap();
    ch.request_pty(false, "xterm", 300, 100, 0, 0, &[])
        .await
        .unwrap();
    ch.request_shell(false).await.unwrap();
    // The first full frame at 300x100 spans several packets: leave after the first one.
    loop {
        match timeout(DEADLINE, ch.wait()).await.unwrap() {
            Some(ChannelMsg::Data { .. }) => break,
            Some(_) => continue,
            None => panic!("closed before any data"),
        }
    }
    handle
        .disconnect(russh::Disconnect::ByApplication, "bye", "")
        .await
        .unwrap();
    drop(ch);
    room.wait_watchers(0).await;
    room.advance();
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_screen("a fresh attendee's frame", &room.following_screen(SMALL))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presenter_hooks_publish_the_position_and_count_attendees() {
    let mut room = Room::with_keys(test_limits()).await;
    let mut hooks = PresenterHooks::new(&room.server);
    assert!(hooks.pending_actions().is_empty());
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    let end = tokio::time::Instant::now() + DEADLINE;
    let mut actions = Vec::new();
    while actions.is_empty() && tokio::time::Instant::now() < end {
        actions = hooks.pending_actions();
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(actions, vec![Action::SetWatchers(1)]);
    update(&mut room.presenter, actions[0]);
    let status = support::render_lines(&room.presenter, support::PRESENTER);
    assert!(
        status.last().unwrap().contains("● 1 spectateur "),
        "{status:?}"
    );

    // What the terminal loop does after drawing a change.
    update(&mut room.presenter, Action::FocusPane(Pane::Threats));
    hooks.after_update(&room.presenter);
    let want = room.following_screen(SMALL);
    a.wait_screen("the presenter's new pane", &want).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendee_flood_of_garbage_neither_crashes_nor_stalls_anyone() {
    let mut room = Room::with_keys(test_limits()).await;
    let mut b = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    b.wait_screen("b's first frame", &room.following_screen(SMALL))
        .await;
    let (handle, ok) = connect(room.port(), Login::Key(&room.key)).await;
    assert!(ok);
    let ch = handle.channel_open_session().await.unwrap();
    ch.request_pty(false, "xterm", 80, 24, 0, 0, &[])
        .await
        .unwrap();
    ch.request_shell(false).await.unwrap();
    // The flooder reads what it is sent on the side, as a terminal would.
    let (mut read, write) = ch.split();
    let reader = tokio::spawn(async move {
        let mut status = None;
        while let Some(msg) = read.wait().await {
            match msg {
                ChannelMsg::ExitStatus { exit_status } => status = Some(exit_status),
                ChannelMsg::Close => break,
                _ => {}
            }
        }
        status
    });
    // 256 KiB of pseudo-random bytes, escape sequences and pastes included; without the two
    // bytes that quit (q and Ctrl-C), so that the session has to survive all of it.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut garbage = Vec::with_capacity(256 * 1024);
    while garbage.len() < 256 * 1024 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        match x % 7 {
            0 => garbage.extend_from_slice(b"\x1b[200~"),
            1 => garbage.extend_from_slice(b"\x1b[<0;"),
            _ => garbage.extend(
                x.to_le_bytes()
                    .map(|b| if b == b'q' || b == 3 { b'x' } else { b }),
            ),
        }
    }
    for chunk in garbage.chunks(8192) {
        timeout(DEADLINE, write.data_bytes(chunk.to_vec()))
            .await
            .unwrap()
            .unwrap();
    }
    room.advance();
    b.wait_screen("b still follows", &room.following_screen(SMALL))
        .await;
    // Ctrl-C quits from any mode; a pause ends any paste the garbage left open.
    let end = tokio::time::Instant::now() + DEADLINE;
    while !reader.is_finished() && tokio::time::Instant::now() < end {
        let _ = write.data_bytes(b"\x03".to_vec()).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let status = timeout(DEADLINE, reader).await.unwrap().unwrap();
    assert_eq!(status, Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_idle_attendee_is_told_and_closed() {
    let limits = Limits {
        idle: Duration::from_millis(700),
        ..test_limits()
    };
    let room = Room::with_keys(limits).await;
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_until("the idle note", |s| {
        s.contents()
            .contains("closed after a long time without a key")
    })
    .await;
    a.wait_closed().await;
    assert!(!a.parser.screen().alternate_screen());
    room.wait_watchers(0).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendee_sees_the_presenters_slide_then_its_own_after_f_and_a_key() {
    let mut room = Room::with_keys(test_limits()).await;
    let size = Size::new(60, 20);
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), size).await;
    room.wait_watchers(1).await;
    // The presenter starts presenting and moves on to the second quote.
    room.press("p");
    room.press("lll");
    let slide = room.following_screen(size);
    assert!(
        slide.iter().any(|l| l.contains("Citation 2/5")),
        "{slide:?}"
    );
    a.wait_screen("the presenter's slide", &slide).await;

    // `f` then a key: the attendee browses to the next slide on their own.
    a.send(b"f").await;
    a.send(b"l").await;
    let own = room.attendee_screen(size, "fl", false);
    assert!(own.iter().any(|l| l.contains("Citation 3/5")), "{own:?}");
    a.wait_screen("the attendee's own slide", &own).await;

    // The presenter goes back: a newcomer sees it, the browsing attendee stays put.
    room.press("h");
    let mut b = Attendee::join(room.port(), Login::Key(&room.key.clone()), size).await;
    let back = room.following_screen(size);
    assert!(back.iter().any(|l| l.contains("Citation 1/5")), "{back:?}");
    b.wait_screen("the presenter's earlier slide", &back).await;
    assert_eq!(screen_lines(a.parser.screen()), own);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendees_held_past_every_timeout_leave_without_a_panic() {
    // Grace periods short enough to pass all of them: to authenticate, to open a view, to
    // linger after the view ends (long enough to connect on a loaded machine). The view's idle
    // limit stays long: they are watching.
    let limits = Limits {
        auth_grace: Duration::from_secs(1),
        ..test_limits()
    };
    let room = Room::with_keys(limits).await;
    let mut quits = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    let mut cuts = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    let mut ends_input = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    let mut stays = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    for a in [&mut quits, &mut cuts, &mut ends_input, &mut stays] {
        a.wait_screen("the first frame", &room.following_screen(SMALL))
            .await;
    }
    room.wait_watchers(4).await;
    // Past the authentication grace, the view grace and the linger, with views open.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(room.server.watchers(), 4, "nobody watching was let go");

    quits.send(b"q").await;
    quits.wait_closed().await;
    assert_eq!(quits.exit_status, Some(0));
    cuts.handle
        .disconnect(russh::Disconnect::ByApplication, "bye", "")
        .await
        .unwrap();
    ends_input.channel.eof().await.unwrap();
    ends_input.wait_closed().await;
    room.wait_watchers(1).await;
    let end = tokio::time::Instant::now() + DEADLINE;
    while room.server.connections() > 1 && tokio::time::Instant::now() < end {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(room.server.connections(), 1, "only the one still watching");

    let log_path = room.dir.path().join("serve.log");
    let server = room.server;
    let stats = server.stats_handle();
    let shutdown = tokio::spawn(server.shutdown(DEADLINE));
    stays.wait_closed().await;
    timeout(DEADLINE, shutdown).await.unwrap().unwrap();

    assert_eq!(stats.panics.load(Ordering::Relaxed), 0, "a task panicked");
    let log = std::fs::read_to_string(log_path).unwrap();
    assert!(!log.contains("panicked"), "{log}");
    assert!(!log.contains("crashed"), "{log}");
    let disconnected = log.lines().filter(|l| l.contains(" disconnected")).count();
    assert_eq!(disconnected, 4, "one line per connection:\n{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_passcode_is_checked_max_auth_attempts_times_per_connection() {
    let room = Room::with_access(Access::Passcode("tulip-42".into()), test_limits()).await;
    let max = test_limits().max_auth_attempts;
    // The `none` probe every client opens with is not one of the attempts.
    let (mut handle, ok) = connect(room.port(), Login::None).await;
    assert!(!ok);
    for _ in 1..max {
        let r = handle.authenticate_password("attendee", "wrong").await;
        assert!(!r.unwrap().success());
    }
    let last = handle.authenticate_password("attendee", "tulip-42").await;
    assert!(last.unwrap().success(), "the last attempt is checked");

    let (mut handle, ok) = connect(room.port(), Login::Password("wrong")).await;
    assert!(!ok);
    for _ in 1..max {
        let r = handle.authenticate_password("attendee", "wrong").await;
        assert!(!r.unwrap().success());
    }
    let past = handle.authenticate_password("attendee", "tulip-42").await;
    assert!(
        !past.is_ok_and(|r| r.success()),
        "no attempt past the limit, even the right passcode"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_a_flood_of_refused_connections_is_closed_without_a_key_exchange() {
    use tokio::io::AsyncReadExt;
    let limits = Limits {
        max_sessions: 1,
        ..test_limits()
    };
    let room = Room::with_keys(limits).await;
    let (_inside, ok) = connect(room.port(), Login::Key(&room.key)).await;
    assert!(ok);
    let first_bytes = |mut s: tokio::net::TcpStream| async move {
        let mut buf = vec![0u8; 64];
        let n = timeout(DEADLINE, s.read(&mut buf)).await.unwrap().unwrap();
        (String::from_utf8_lossy(&buf[..n]).to_string(), s)
    };
    // Refused clients that never answer hold the few (8) slots for telling them why...
    let mut silent = Vec::new();
    for _ in 0..8 {
        let s = tokio::net::TcpStream::connect(("127.0.0.1", room.port()))
            .await
            .unwrap();
        let (said, s) = first_bytes(s).await;
        assert!(said.starts_with("SSH-2.0-"), "{said:?}");
        silent.push(s);
    }
    // ...so the next one costs only a line and a close.
    let s = tokio::net::TcpStream::connect(("127.0.0.1", room.port()))
        .await
        .unwrap();
    let (said, _) = first_bytes(s).await;
    assert_eq!(said, "briefing: the room is full; try again later\r\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_that_end_before_a_view_are_logged() {
    let room = Room::with_keys(test_limits()).await;
    let stranger = support::random_key();
    let (refused, ok) = connect(room.port(), Login::Key(&stranger)).await;
    assert!(!ok);
    refused
        .disconnect(russh::Disconnect::ByApplication, "bye", "")
        .await
        .unwrap();
    let (no_view, ok) = connect(room.port(), Login::Key(&room.key)).await;
    assert!(ok);
    no_view
        .disconnect(russh::Disconnect::ByApplication, "bye", "")
        .await
        .unwrap();
    let path = room.dir.path().join("serve.log");
    let end = tokio::time::Instant::now() + DEADLINE;
    let mut log = String::new();
    while log.matches(" disconnected").count() < 2 && tokio::time::Instant::now() < end {
        tokio::time::sleep(Duration::from_millis(20)).await;
        log = std::fs::read_to_string(&path).unwrap();
    }
    for id in ["#1 ", "#2 "] {
        assert!(
            log.lines()
                .any(|l| l.contains(id) && l.contains(" disconnected")),
            "{id}ended:\n{log}"
        );
    }
}

/// Lists `key` in the room's presenter keys file.
fn add_presenter_key(room: &Room, key: &russh::keys::PrivateKey) {
    let path = room.dir.path().join("presenter_keys");
    let mut text = std::fs::read_to_string(&path).unwrap_or_default();
    text.push_str(&(key.public_key().to_openssh().unwrap() + "\n"));
    std::fs::write(&path, text).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presenter_over_ssh_leads_sees_notes_and_leads_alone() {
    let mut room = Room::with_keys(test_limits()).await;
    let lead_key = support::random_key();
    add_presenter_key(&room, &lead_key);
    let mut attendee = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    attendee
        .wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    room.wait_watchers(1).await;
    let mut lead = Attendee::join(room.port(), Login::Key(&lead_key), support::PRESENTER).await;
    // The remote presenter's screen is the presenter's, with the attendee counted.
    update(&mut room.presenter, Action::SetWatchers(1));
    lead.wait_screen(
        "the presenter's screen",
        &support::render_lines(&room.presenter, support::PRESENTER),
    )
    .await;
    assert_eq!(room.server.watchers(), 1, "a presenter is not an attendee");

    // The remote presenter presents and moves on; the attendee follows. (The local presenter
    // makes the same moves to compute the screens: its own publishing is held meanwhile.)
    lead.send(b"pll").await;
    room.press("pll");
    assert!(room.server.is_led_remotely());
    let slide = room.following_screen(SMALL);
    assert!(
        slide.iter().any(|l| l.contains("Citation 1/5")),
        "{slide:?}"
    );
    attendee.wait_screen("the presenter's slide", &slide).await;
    lead.wait_screen(
        "the presenter's own slide",
        &support::render_lines(&room.presenter, support::PRESENTER),
    )
    .await;

    // n: the notes view of where they are; the slides still move under it, n again.
    lead.send(b"n").await;
    lead.wait_until("the notes view", |s| {
        s.contents().contains("Cinq citations")
    })
    .await;
    lead.send(b"l").await;
    room.press("l");
    attendee
        .wait_screen("the next slide", &room.following_screen(SMALL))
        .await;
    lead.send(b"n").await;
    lead.wait_screen(
        "the slides again",
        &support::render_lines(&room.presenter, support::PRESENTER),
    )
    .await;

    // A second presenter is told why and let go; the first one still leads.
    let mut second = Attendee::join(room.port(), Login::Key(&lead_key), SMALL).await;
    second
        .wait_until("the reason", |s| {
            s.contents().contains("another presenter leads")
        })
        .await;
    second.wait_closed().await;
    assert_eq!(second.exit_status, Some(1));
    assert!(room.server.is_led_remotely());

    // Once the remote presenter leaves, the local presenter leads again.
    lead.send(b"q").await;
    lead.wait_closed().await;
    let end = tokio::time::Instant::now() + DEADLINE;
    while room.server.is_led_remotely() && tokio::time::Instant::now() < end {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(!room.server.is_led_remotely());
    room.press("l");
    attendee
        .wait_screen("the local presenter's slide", &room.following_screen(SMALL))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presenter_key_is_needed_to_lead() {
    let room = Room::with_access(Access::Open, test_limits()).await;
    // Anyone gets in, but as an attendee: their keys move nobody else.
    let mut a = Attendee::join(room.port(), Login::None, SMALL).await;
    a.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    a.send(b"4").await;
    a.wait_screen("their own pane", &room.attendee_screen(SMALL, "4", false))
        .await;
    assert!(!room.server.is_led_remotely());
    // The presenter's name with --open is asked for a key, and a stranger's is refused.
    let (mut handle, _) = connect(room.port(), Login::Key(&support::random_key())).await;
    let none = handle.authenticate_none("presenter").await.unwrap();
    assert!(!none.success(), "no key, no lead");
}

/// The bundled briefing with a new title: what the presenter's file says after an edit.
fn edited() -> briefing::model::Briefing {
    let mut b = briefing::model::bundled().unwrap();
    b.title = format!("RELOADED {}", b.title);
    b
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_reaches_following_and_browsing_attendees_who_keep_their_place() {
    let mut room = Room::with_keys(test_limits()).await;
    let mut hooks = PresenterHooks::new(&room.server);
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    let mut b = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    b.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    b.send(b"f3]").await;
    b.wait_until("the browsing attendee's second area", |s| {
        s.contents().contains("coopération 2/12")
    })
    .await;
    update(&mut room.presenter, Action::FocusPane(Pane::Threats));
    // What the terminal loop does when the file changed: the notice, then after drawing.
    briefing::app::notify(
        &mut room.presenter,
        briefing::app::Notice::Reloaded(Arc::new(edited())),
    );
    hooks.after_update(&room.presenter);
    a.wait_until("the new version, where the presenter is", |s| {
        let text = s.contents();
        text.contains("RELOADED") && text.contains("Menaces 1/")
    })
    .await;
    b.wait_until("the new version, where the attendee was", |s| {
        let text = s.contents();
        text.contains("RELOADED") && text.contains("coopération 2/12")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_reaches_attendees_while_a_presenter_over_ssh_leads() {
    let mut room = Room::with_keys(test_limits()).await;
    let lead_key = support::random_key();
    add_presenter_key(&room, &lead_key);
    let mut hooks = PresenterHooks::new(&room.server);
    let mut b = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    b.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    b.send(b"f3]").await;
    b.wait_until("the browsing attendee's second area", |s| {
        s.contents().contains("coopération 2/12")
    })
    .await;
    let mut lead = Attendee::join(room.port(), Login::Key(&lead_key), support::PRESENTER).await;
    lead.wait_until("the presenter's screen", |s| {
        !s.contents().trim().is_empty()
    })
    .await;
    lead.send(b"p").await;
    room.wait_until_led_remotely().await;
    // The local file changes while the remote presenter stands still.
    briefing::app::notify(
        &mut room.presenter,
        briefing::app::Notice::Reloaded(Arc::new(edited())),
    );
    hooks.after_update(&room.presenter);
    b.wait_until("the new version, where the attendee was", |s| {
        let text = s.contents();
        text.contains("RELOADED") && text.contains("coopération 2/12")
    })
    .await;
}

/// A file that changes once: the hooks give one new version, then nothing.
struct OneReload(Option<briefing::app::Notice>);

impl Hooks for OneReload {
    fn pending_notices(&mut self) -> Vec<briefing::app::Notice> {
        self.0.take().into_iter().collect()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_headless_server_passes_a_reload_to_attendees() {
    let room = Room::with_keys(test_limits()).await;
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    let presenter = room.presenter.clone();
    let server = &room.server;
    // The presenter's keys end at once ("q"); the file changed before that.
    tokio::task::block_in_place(|| {
        let mut file = OneReload(Some(briefing::app::Notice::Reloaded(Arc::new(edited()))));
        briefing::serve::run_headless(server, presenter, std::io::Cursor::new("q\n"), &mut file)
    })
    .unwrap();
    a.wait_until("the new version", |s| s.contents().contains("RELOADED"))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attendee_copies_to_their_own_clipboard_and_opens_nothing() {
    let room = Room::with_keys(test_limits()).await;
    let mut a = Attendee::join(room.port(), Login::Key(&room.key.clone()), SMALL).await;
    a.wait_screen("the first frame", &room.following_screen(SMALL))
        .await;
    a.send(b"2y").await;
    a.wait_until("the copy's note", |s| {
        s.contents().contains("copié citation")
    })
    .await;
    let raw = String::from_utf8_lossy(&a.raw).into_owned();
    assert!(raw.contains("\u{1b}]52;c;"), "the copy goes to the client");
    a.send(b"e").await;
    a.wait_until("the refusal", |s| {
        s.contents().contains("seul qui a ouvert")
    })
    .await;
}
