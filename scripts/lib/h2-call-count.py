"""A TCP proxy between a client and the Firestore emulator that writes one line per gRPC call
(per client HTTP/2 stream, when its request ends), named from the request body's plain-text
protobuf strings; used by scripts/count-tick-firestore-calls.sh.

    python3 h2-call-count.py LISTEN_PORT EMULATOR_PORT OUT_FILE
"""
import socket
import struct
import sys
import threading

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
DATA, HEADERS = 0, 1
END_STREAM, PADDED = 0x1, 0x8
lock = threading.Lock()


def name(body):
    # the request's strings say what it is: no HPACK decoding of the :path needed
    if b"automationRules" in body:
        return "RunQuery users/{uid}/automationRules"
    if b"templates" in body:
        return "RunQuery users/{uid}/templates"
    if b"automation.enabled" in body:
        return "RunQuery users (enabled accounts)"
    if b"heartbeatAt" in body:
        return "Commit users/{uid}/automation/status"
    if b"automation/status" in body:
        return "BatchGetDocuments users/{uid}/automation/status"
    return "other " + body[5:200].decode("latin-1").encode("unicode_escape").decode()


def client_to_server(src, dst, out_path):
    buf, streams, preface = b"", {}, False
    while True:
        data = src.recv(65536)
        if not data:
            break
        dst.sendall(data)
        buf += data
        if not preface:
            if len(buf) < len(PREFACE):
                continue
            buf, preface = buf[len(PREFACE):], True
        while len(buf) >= 9:
            length, ftype, flags = int.from_bytes(buf[0:3], "big"), buf[3], buf[4]
            sid = struct.unpack(">I", buf[5:9])[0] & 0x7FFFFFFF
            if len(buf) < 9 + length:
                break
            payload, buf = buf[9:9 + length], buf[9 + length:]
            if ftype == HEADERS:
                streams.setdefault(sid, b"")
            elif ftype == DATA and sid in streams:
                if flags & PADDED:
                    payload = payload[1:len(payload) - payload[0]]
                streams[sid] += payload
            if ftype in (DATA, HEADERS) and flags & END_STREAM and sid in streams:
                with lock, open(out_path, "a") as out:
                    out.write(name(streams.pop(sid)) + "\n")
    close(dst)


def server_to_client(src, dst):
    while True:
        data = src.recv(65536)
        if not data:
            break
        dst.sendall(data)
    close(dst)


def close(sock):
    try:
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def main():
    listen_port, emulator_port, out_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", listen_port))
    server.listen(16)
    while True:
        client, _ = server.accept()
        upstream = socket.create_connection(("127.0.0.1", emulator_port))
        threading.Thread(
            target=client_to_server, args=(client, upstream, out_path), daemon=True).start()
        threading.Thread(target=server_to_client, args=(upstream, client), daemon=True).start()


if __name__ == "__main__":
    main()
