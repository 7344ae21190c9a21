#!/usr/bin/env python3
# Issue 16: what the execution samples of a JFR recording (profile-oauth.sh with JFR_DIR=dir) were doing, by
# the deepest stack (96 frames): each sample counts once, in the first bucket of the list below whose pattern
# any of its frames matches.
# Usage: python3 bootstrap/src/bench/jfr-buckets.py [path/to/jfr] recording.jfr
import sys, re, subprocess, collections
txt = subprocess.run([sys.argv[1] if len(sys.argv) > 2 else 'jfr', 'print', '--events', 'jdk.ExecutionSample',
                      '--stack-depth', '96', sys.argv[-1]], capture_output=True, text=True, check=True).stdout
samples = txt.split('jdk.ExecutionSample {')[1:]
rules = [
 ('ES256 signing (Es256 / Bouncy Castle)', r'crypto\.Es256|org\.bouncycastle'),
 ('request log writer (JdbcRequestLog / RequestLogService)', r'JdbcRequestLog|RequestLogService'),
 ('client lookup (JdbcClients.find / ClientVerifier)', r'JdbcClients\.find|JdbcClients\.client|ClientVerifier'),
 ('token row insert (JdbcAccessTokens.add)', r'JdbcAccessTokens'),
 ('audit row insert (JdbcAuditLog.record)', r'JdbcAuditLog'),
 ('commit / transaction (JdbcDatabase.transact, other H2)', r'JdbcDatabase|org\.h2'),
 ('access-log filter (AccessLogFilter)', r'AccessLogFilter'),
 ('JSON answer (Serde/Jackson)', r'serde|jackson|JsonMapper'),
 ('rest of TokenService / TokenMinter / controller', r'com\.lanonasis'),
 ('Netty / Micronaut request handling', r'io\.netty|io\.micronaut|reactor'),
]
c = collections.Counter(); n=0
for s in samples:
    frames = re.findall(r'^\s+([\w$.<>]+)\(', s, re.M)
    if not frames: continue
    n+=1
    joined='\n'.join(frames)
    for name,rx in rules:
        if re.search(rx, joined):
            c[name]+=1; break
    else: c['other (JIT, GC, JDK threads)']+=1
print(f'{n} execution samples')
for k,v in c.most_common(): print(f'{v:5d} {100*v/n:5.1f} %  {k}')
