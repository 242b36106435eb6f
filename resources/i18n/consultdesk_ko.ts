<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ConsultDesk</source>
        <translation>복약상담 데스크 정보</translation>
    </message>
    <message>
        <source>ConsultDesk {version}
Medication consultations for visiting pharmacists.
Residents&apos; data stays encrypted on this computer.

ConsultDesk is free software: you may use, study, change and share it under the GNU General Public License, version 3 or later. The rules, forms and catalogs it ships are data a programme may change (CC BY 4.0 unless a source says otherwise).</source>
        <translation>복약상담 데스크 {version}
찾아가는 약사를 위한 복약상담 기록.
내담자 정보는 이 컴퓨터에 암호화되어 저장됩니다.

복약상담 데스크는 자유 소프트웨어입니다. GNU 일반 공중 사용 허가서(GPL) 3판 또는 그 이후 판에 따라 누구나 쓰고, 살펴보고, 고치고, 나눌 수 있습니다. 함께 들어 있는 규칙, 서식, 목록은 사업마다 고쳐 쓸 수 있는 자료입니다(출처가 따로 정하지 않는 한 CC BY 4.0).</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>사용한 외부 구성 요소</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>사용 허가서</translation>
    </message>
    <message>
        <source>{name} is missing from this installation.</source>
        <translation>이 설치본에 {name} 파일이 없습니다.</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Qt 정보</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>AccessLog</name>
    <message>
        <source>view</source>
        <translation>조회</translation>
    </message>
    <message>
        <source>create</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>print</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>export</source>
        <translation>내보내기(다운로드)</translation>
    </message>
    <message>
        <source>download</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>failed unlock</source>
        <translation>잠금 해제 실패</translation>
    </message>
    <message>
        <source>amend</source>
        <translation>정정</translation>
    </message>
    <message>
        <source>back up</source>
        <translation>백업</translation>
    </message>
    <message>
        <source>record consent</source>
        <translation>동의 기록</translation>
    </message>
    <message>
        <source>withdraw consent</source>
        <translation>동의 철회</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>초안 작성</translation>
    </message>
    <message>
        <source>finish</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>decide on a risk flag</source>
        <translation>위험 신호 판단</translation>
    </message>
    <message>
        <source>mark referral sent</source>
        <translation>의뢰 보냄 표시</translation>
    </message>
    <message>
        <source>record reply</source>
        <translation>회신 기록</translation>
    </message>
    <message>
        <source>close referral</source>
        <translation>의뢰 종결</translation>
    </message>
    <message>
        <source>take a computer out of the team</source>
        <translation>팀에서 컴퓨터 빼기</translation>
    </message>
    <message>
        <source>decide a sync conflict</source>
        <translation>충돌 결정</translation>
    </message>
    <message>
        <source>change passphrase</source>
        <translation>암호 바꾸기</translation>
    </message>
    <message>
        <source>mark month checked</source>
        <translation>월 점검 완료 표시</translation>
    </message>
    <message>
        <source>Residents list</source>
        <translation>내담자 목록</translation>
    </message>
    <message>
        <source>Resident overview</source>
        <translation>내담자 개요</translation>
    </message>
    <message>
        <source>Consultations of a resident</source>
        <translation>내담자의 상담 목록</translation>
    </message>
    <message>
        <source>Consents of a resident</source>
        <translation>내담자의 동의 목록</translation>
    </message>
    <message>
        <source>Follow-up visits</source>
        <translation>후속 방문</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>동기화 충돌</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>접속 기록</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <source>Shared measures</source>
        <translation>성과 지표</translation>
    </message>
    <message>
        <source>Pharmacist profile</source>
        <translation>약사 정보</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Referral sheet</source>
        <translation>연계 의뢰서</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>복약 목록</translation>
    </message>
    <message>
        <source>Consultation summary</source>
        <translation>복약상담 기록</translation>
    </message>
    <message>
        <source>Imported product list</source>
        <translation>가져온 제품 목록</translation>
    </message>
    <message>
        <source>Imported DUR file</source>
        <translation>가져온 DUR 파일</translation>
    </message>
    <message>
        <source>Team computer</source>
        <translation>팀의 컴퓨터</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>잠금 화면</translation>
    </message>
    <message>
        <source>The access log</source>
        <translation>접속 기록</translation>
    </message>
    <message>
        <source>Save the access log</source>
        <translation>접속 기록 저장</translation>
    </message>
    <message>
        <source>Access &amp;log…</source>
        <translation>접속 기록(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation>접속 기록</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Mark this month as checked</source>
        <translation>이번 달 점검 완료로 표시</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>CSV로 저장…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>Pharmacist</source>
        <translation>약사</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>기기</translation>
    </message>
    <message>
        <source>What</source>
        <translation>한 일</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>내담자</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>시작일</translation>
    </message>
    <message>
        <source>The log is intact.</source>
        <translation>기록이 변조되지 않았습니다.</translation>
    </message>
    <message>
        <source>The log was changed after it was written: run &apos;consultdesk verify&apos;.</source>
        <translation>기록이 작성된 뒤에 바뀌었습니다. &apos;consultdesk verify&apos;를 실행해 확인하세요.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>{count} rows. {chain} Months checked: {months}.</source>
        <translation>{count}건. {chain} 점검한 달: {months}.</translation>
    </message>
    <message>
        <source>Saved {count} rows to {file}.</source>
        <translation>{file}에 {count}줄을 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend a finished consultation</source>
        <translation>마친 상담 고치기</translation>
    </message>
    <message>
        <source>e.g. the dose of one medicine was written wrong</source>
        <translation>예: 약 하나의 용량을 잘못 적음</translation>
    </message>
    <message>
        <source>The consultation as it is now is kept as an earlier version. Why is it being corrected?</source>
        <translation>지금 내용은 이전 버전으로 보관됩니다. 왜 고치시나요?</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>고치기</translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <source>&amp;Lock</source>
        <translation>잠그기(&amp;L)</translation>
    </message>
    <message>
        <source>Making today&apos;s backup…</source>
        <translation>오늘 백업을 만드는 중…</translation>
    </message>
    <message>
        <source>That is not the passphrase. Try again.</source>
        <translation>암호가 맞지 않습니다. 다시 입력해 주세요.</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Exporting documents</source>
        <translation>문서 내보내기</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n document(s) to {folder}</source>
        <translation>
            <numerusform>{folder}에 문서 %n건을 저장하는 중입니다</numerusform>
        </translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%m건 중 %v건</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Stopping after the current document…</source>
        <translation>지금 문서를 마치고 중지합니다…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) written to {folder}.</source>
        <translation>
            <numerusform>{folder}에 문서 %n건을 저장했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>끝나기 전에 중지했습니다.</translation>
    </message>
    <message>
        <source>Not written ({what}): {reason}</source>
        <translation>저장하지 못함 ({what}): {reason}</translation>
    </message>
</context>
<context>
    <name>CaseWorkerDialog</name>
    <message>
        <source>Case worker</source>
        <translation>사례담당자</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
</context>
<context>
    <name>CatalogCompleter</name>
    <message>
        <source>Not in the catalog: kept as typed, without ingredient codes.</source>
        <translation>목록에 없는 약입니다. 입력한 그대로 기록하며 성분 코드는 붙지 않습니다.</translation>
    </message>
</context>
<context>
    <name>CatalogMatchModel</name>
    <message>
        <source>Medicine</source>
        <translation>약 이름</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>영문명</translation>
    </message>
    <message>
        <source>ATC code</source>
        <translation>ATC 코드</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>제품</translation>
    </message>
    <message>
        <source>External use</source>
        <translation>외용</translation>
    </message>
    <message>
        <source>Inhaled</source>
        <translation>흡입</translation>
    </message>
    <message>
        <source>Injection</source>
        <translation>주사</translation>
    </message>
    <message>
        <source>Eye</source>
        <translation>점안</translation>
    </message>
    <message>
        <source>Ear</source>
        <translation>점이</translation>
    </message>
    <message>
        <source>Nasal</source>
        <translation>비강</translation>
    </message>
    <message>
        <source>Rectal</source>
        <translation>직장</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>패취</translation>
    </message>
    <message>
        <source>Other form</source>
        <translation>기타 제형</translation>
    </message>
</context>
<context>
    <name>CentreDialog</name>
    <message>
        <source>Welfare centre</source>
        <translation>복지관</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>District</source>
        <translation>지역(구)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
</context>
<context>
    <name>CentresView</name>
    <message>
        <source>Add welfare centre…</source>
        <translation>복지관 추가…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>수정…</translation>
    </message>
    <message>
        <source>Add case worker…</source>
        <translation>사례담당자 추가…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Delete this welfare centre (only when no resident or case worker belongs to it)</source>
        <translation>이 복지관 삭제 (소속 내담자와 사례담당자가 없을 때만)</translation>
    </message>
    <message>
        <source>Delete this case worker (only when no resident has them)</source>
        <translation>이 사례담당자 삭제 (담당하는 내담자가 없을 때만)</translation>
    </message>
    <message>
        <source>Welfare centres</source>
        <translation>복지관</translation>
    </message>
    <message>
        <source>Case workers</source>
        <translation>사례담당자</translation>
    </message>
    <message>
        <source>Delete welfare centre</source>
        <translation>복지관 삭제</translation>
    </message>
    <message>
        <source>Delete the welfare centre “{name}”?

It is removed from this computer and, after the next sync, from the team&apos;s.</source>
        <translation>“{name}” 복지관을 삭제할까요?

이 컴퓨터에서, 그리고 다음 동기화 후에는 팀의 다른 컴퓨터에서도 삭제됩니다.</translation>
    </message>
    <message>
        <source>Delete case worker</source>
        <translation>사례담당자 삭제</translation>
    </message>
    <message>
        <source>Delete the case worker {name}?

They are removed from this computer and, after the next sync, from the team&apos;s.</source>
        <translation>사례담당자 {name} 님을 삭제할까요?

이 컴퓨터에서, 그리고 다음 동기화 후에는 팀의 다른 컴퓨터에서도 삭제됩니다.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>암호 바꾸기</translation>
    </message>
    <message>
        <source>A backup is made first, under the current passphrase: keep that passphrase too, it is what opens the backup. The new passphrase needs at least {min} characters and no space at the start or end; it cannot be recovered if lost.</source>
        <translation>먼저 지금 암호로 백업을 만듭니다. 그 백업은 지금 암호로만 열리니 지금 암호도 잘 보관하세요. 새 암호는 {min}자 이상이어야 하고 앞뒤에 띄어쓰기가 없어야 합니다. 잊어버리면 되찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>현재 암호</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>새 암호</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>새 암호 다시 입력</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <source>Making a backup, then changing the passphrase…</source>
        <translation>백업을 만든 뒤 암호를 바꾸는 중…</translation>
    </message>
    <message>
        <source>The passphrase is changed. Use the new one from now on. The backup made before, under the old passphrase, is {file}.</source>
        <translation>암호를 바꿨습니다. 이제부터 새 암호를 쓰세요. 바꾸기 전에 이전 암호로 만든 백업은 {file}입니다.</translation>
    </message>
    <message>
        <source>The current passphrase is not right. Nothing was changed.</source>
        <translation>현재 암호가 맞지 않습니다. 아무것도 바꾸지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>passphrases:
  CONSULTDESK_PASSPHRASE       the database&apos;s passphrase for headless commands (otherwise they
                               ask on the terminal)
  CONSULTDESK_TEAM_PASSPHRASE  the team&apos;s passphrase for `team` and `sync`

examples:
  consultdesk --data-dir ~/cd init --name 박약사
  consultdesk --data-dir ~/cd residents --find 김순
  consultdesk --data-dir ~/cd export referral --resident ID --out 의뢰서.pdf --reason &quot;복지관 연계&quot;
  consultdesk --data-dir ~/cd export medlist --resident ID --out 복약목록.pdf --reason &quot;본인 제공&quot;
  CONSULTDESK_PASSPHRASE=… consultdesk --data-dir ~/cd backup --to /media/usb
  consultdesk --lang en --data-dir ~/cd verify
</source>
        <translation>암호:
  CONSULTDESK_PASSPHRASE       창 없이 실행하는 명령이 쓰는 데이터베이스 암호 (없으면 터미널에서
                               물어봅니다)
  CONSULTDESK_TEAM_PASSPHRASE  `team`과 `sync`가 쓰는 팀 암호

예:
  consultdesk --data-dir ~/cd init --name 박약사
  consultdesk --data-dir ~/cd residents --find 김순
  consultdesk --data-dir ~/cd export referral --resident ID --out 의뢰서.pdf --reason &quot;복지관 연계&quot;
  consultdesk --data-dir ~/cd export medlist --resident ID --out 복약목록.pdf --reason &quot;본인 제공&quot;
  CONSULTDESK_PASSPHRASE=… consultdesk --data-dir ~/cd backup --to /media/usb
  consultdesk --lang en --data-dir ~/cd verify
</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>사용법: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>위치 인수</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>이 도움말을 보여 주고 끝냅니다</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: 오류: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>%(argument_name)s 인수: %(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>다음 인수가 필요합니다: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>고를 수 없는 값입니다: %(value)r (%(choices)s 중에서 고르세요)</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>알 수 없는 인수입니다: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>값이 하나 필요합니다</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>%(type)s 값으로 쓸 수 없습니다: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>모호한 옵션입니다: %(option)s은(는) %(matches)s 중 어느 것일 수도 있습니다</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>%s 인수와 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot write{where}: a file of that name is in the way where a folder is needed. Choose another place with --out.</source>
        <translation>파일을 쓸 수 없습니다{where}: 폴더가 있어야 할 자리에 같은 이름의 파일이 있습니다. --out으로 다른 곳을 고르세요.</translation>
    </message>
    <message>
        <source>Cannot write{where}: {reason}.</source>
        <translation>파일을 쓸 수 없습니다{where}: {reason}.</translation>
    </message>
    <message>
        <source>Set {variable} or run in a terminal to type the passphrase.</source>
        <translation>{variable} 환경 변수를 설정하거나, 터미널에서 실행해 암호를 입력하세요.</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>암호: </translation>
    </message>
    <message>
        <source>Passphrase again: </source>
        <translation>암호 다시 입력: </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>두 암호가 서로 다릅니다.</translation>
    </message>
    <message>
        <source>--residents must be between 0 and {max}.</source>
        <translation>--residents는 0에서 {max} 사이여야 합니다.</translation>
    </message>
    <message>
        <source>--sessions must be between 0 and {max}.</source>
        <translation>--sessions는 0에서 {max} 사이여야 합니다.</translation>
    </message>
    <message>
        <source>{folder} already holds a database; demo data goes into a new one.</source>
        <translation>{folder}에 이미 데이터베이스가 있습니다. 예시 데이터는 새 폴더에 만듭니다.</translation>
    </message>
    <message>
        <source>Created {residents} fictional residents with {sessions} consultations ({medicines} medicines) in {folder} in {seconds} s</source>
        <translation>{folder}에 가상 내담자 {residents}명과 상담 {sessions}건(약 {medicines}개)을 {seconds}초 만에 만들었습니다</translation>
    </message>
    <message>
        <source>{folder} already holds a database.</source>
        <translation>{folder}에 이미 데이터베이스가 있습니다.</translation>
    </message>
    <message>
        <source>Created an encrypted database for {name} in {folder}.</source>
        <translation>{folder}에 {name} 약사님의 암호화된 데이터베이스를 만들었습니다.</translation>
    </message>
    <message>
        <source>… {count} more; narrow it with --find</source>
        <translation>… {count}명 더 있습니다. --find로 좁혀 보세요</translation>
    </message>
    <message>
        <source>Set {variable} or run in a terminal to type the team passphrase.</source>
        <translation>{variable} 환경 변수를 설정하거나, 터미널에서 실행해 팀 암호를 입력하세요.</translation>
    </message>
    <message>
        <source>Team passphrase: </source>
        <translation>팀 암호: </translation>
    </message>
    <message>
        <source>Team passphrase again: </source>
        <translation>팀 암호 다시 입력: </translation>
    </message>
    <message>
        <source>The two team passphrases are not the same.</source>
        <translation>두 팀 암호가 서로 다릅니다.</translation>
    </message>
    <message>
        <source>{folder} holds no ConsultDesk database; start the app once first.</source>
        <translation>{folder}에 ConsultDesk 데이터베이스가 없습니다. 먼저 앱을 한 번 실행하세요.</translation>
    </message>
    <message>
        <source>Updating the database for this version of ConsultDesk, after a backup: with many records this takes a few minutes.</source>
        <translation>새 버전에 맞게 데이터베이스를 바꾸는 중입니다(먼저 백업합니다). 기록이 많으면 몇 분 걸립니다.</translation>
    </message>
    <message>
        <source>Created team {name} in {folder}</source>
        <translation>{folder}에 팀 {name}을(를) 만들었습니다</translation>
    </message>
    <message>
        <source>Joined team {name} in {folder}; run &apos;consultdesk sync&apos; next.</source>
        <translation>{folder}의 팀 {name}에 참여했습니다. 이어서 &apos;consultdesk sync&apos;를 실행하세요.</translation>
    </message>
    <message>
        <source>Retired computer {device}: its changes stay, nobody waits for it.</source>
        <translation>컴퓨터 {device}를 팀에서 뺐습니다. 변경 내용은 남고, 아무도 그 컴퓨터를 기다리지 않습니다.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>retired {day}</source>
        <translation>{day}에 팀에서 뺌</translation>
    </message>
    <message>
        <source>Synced: sent {sent} changes in {written} bundles, read {read} bundles ({applied} changes applied), {conflicts} new conflicts, {skipped} files skipped.</source>
        <translation>동기화했습니다: 변경 {sent}건을 묶음 {written}개로 보내고, 묶음 {read}개를 읽었습니다(변경 {applied}건 반영). 새 충돌 {conflicts}건, 건너뛴 파일 {skipped}개.</translation>
    </message>
    <message>
        <source>{summary} Nothing could be sent: {reason}</source>
        <translation>{summary} 아무것도 보내지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>--reference names a referral: use &apos;export referral --reference CODE&apos;.</source>
        <translation>--reference는 의뢰서를 가리킵니다. &apos;export referral --reference 코드&apos;로 쓰세요.</translation>
    </message>
    <message>
        <source>Give --resident ID (or, for a referral, --reference CODE).</source>
        <translation>--resident ID를 주세요(의뢰서는 --reference 코드로도 됩니다).</translation>
    </message>
    <message>
        <source>No resident has the id {id}; &apos;consultdesk residents --find NAME&apos; lists the ids.</source>
        <translation>id가 {id}인 내담자가 없습니다. &apos;consultdesk residents --find 이름&apos;으로 id를 확인하세요.</translation>
    </message>
    <message>
        <source>Wrote {file} ({reference})</source>
        <translation>{file} 파일을 저장했습니다 ({reference})</translation>
    </message>
    <message>
        <source>This file holds personal data: give the reason for the download with --reason (for example --reason &quot;복지관 연계&quot;, &quot;본인 제공&quot;, &quot;처방의 전달&quot; or your own words). It is kept in the access log.</source>
        <translation>이 파일에는 개인정보가 들어 있습니다. --reason으로 다운로드 사유를 적어 주세요(예: --reason &quot;복지관 연계&quot;, &quot;본인 제공&quot;, &quot;처방의 전달&quot; 또는 직접 쓴 사유). 사유는 접속 기록에 남습니다.</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>{file}에 백업했습니다</translation>
    </message>
    <message>
        <source>{file} is not a file.</source>
        <translation>{file}은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>Restore with --force to replace it anyway (it is kept in backups/ first).</source>
        <translation>그래도 바꾸려면 --force를 붙여 복원하세요(지금 데이터베이스는 먼저 backups/에 보관합니다).</translation>
    </message>
    <message>
        <source>Restored {file}; the database it replaced is kept as {kept}. Run &apos;consultdesk sync&apos; to get the team&apos;s changes.</source>
        <translation>{file}에서 복원했습니다. 원래 있던 데이터베이스는 {kept}에 보관했습니다. 팀의 변경 내용을 받으려면 &apos;consultdesk sync&apos;를 실행하세요.</translation>
    </message>
    <message>
        <source>Restored {file}. Run &apos;consultdesk sync&apos; to get the team&apos;s changes.</source>
        <translation>{file}에서 복원했습니다. 팀의 변경 내용을 받으려면 &apos;consultdesk sync&apos;를 실행하세요.</translation>
    </message>
    <message>
        <source>Set {variable} or run in a terminal to type it.</source>
        <translation>{variable} 환경 변수를 설정하거나, 터미널에서 실행해 입력하세요.</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>새 암호: </translation>
    </message>
    <message>
        <source>New passphrase again: </source>
        <translation>새 암호 다시 입력: </translation>
    </message>
    <message>
        <source>Backed up to {file} (old passphrase). Changing the passphrase…</source>
        <translation>{file}에 백업했습니다(이전 암호). 암호를 바꾸는 중…</translation>
    </message>
    <message>
        <source>The passphrase is changed. Use the new one from now on.</source>
        <translation>암호를 바꿨습니다. 이제부터 새 암호를 쓰세요.</translation>
    </message>
    <message>
        <source>{text} is not a date like 2026-12-01</source>
        <translation>{text}은(는) 2026-12-01 같은 날짜가 아닙니다</translation>
    </message>
    <message>
        <source>Marked the access log of {month} as checked.</source>
        <translation>{month} 접속 기록을 점검 완료로 표시했습니다.</translation>
    </message>
    <message>
        <source>Wrote {count} rows to {file}</source>
        <translation>{file}에 {count}줄을 저장했습니다</translation>
    </message>
    <message>
        <source>{count} rows. Months checked: {months}.</source>
        <translation>{count}줄. 점검한 달: {months}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>{device}: {count} rows</source>
        <translation>{device}: {count}줄</translation>
    </message>
    <message>
        <source>Access log: {devices}; {count} rows from before the chain.</source>
        <translation>접속 기록: {devices}. 해시 체인 이전 기록 {count}줄.</translation>
    </message>
    <message>
        <source>no chained rows</source>
        <translation>체인에 묶인 기록 없음</translation>
    </message>
    <message>
        <source>device {device} row {row}: {reason}</source>
        <translation>기기 {device}의 {row}번째 기록: {reason}</translation>
    </message>
    <message>
        <source>database integrity check: {result}</source>
        <translation>데이터베이스 무결성 검사: {result}</translation>
    </message>
    <message>
        <source>The access log was changed after it was written: {problems}</source>
        <translation>접속 기록이 기록된 뒤에 바뀌었습니다: {problems}</translation>
    </message>
    <message>
        <source>The access log chain and the database are intact.</source>
        <translation>접속 기록 체인과 데이터베이스 모두 이상이 없습니다.</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>수정됨</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>빠짐</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>순서 바뀜</translation>
    </message>
    <message>
        <source>truncated (rows removed at the end)</source>
        <translation>마지막 기록이 지워짐</translation>
    </message>
    <message>
        <source>Choose --format xlsx, csv, pdf or json (or an --out file ending so).</source>
        <translation>--format으로 xlsx, csv, pdf, json 중 하나를 고르세요(또는 --out 파일 이름을 그 확장자로 끝내세요).</translation>
    </message>
    <message>
        <source>Not combined: {reason}</source>
        <translation>합치지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Give --from DATE and --to DATE (YYYY-MM-DD), or --combine FILES.</source>
        <translation>--from 날짜와 --to 날짜(YYYY-MM-DD)를 주거나, --combine으로 파일들을 주세요.</translation>
    </message>
    <message>
        <source>Write dates as YYYY-MM-DD.</source>
        <translation>날짜는 YYYY-MM-DD로 쓰세요.</translation>
    </message>
    <message>
        <source>Wrote {file}</source>
        <translation>{file} 파일을 저장했습니다</translation>
    </message>
    <message>
        <source>why this personal data is downloaded, kept in the access log: 복지관 연계 (welfare referral), 본인 제공 (resident), 처방의 전달 (prescriber), or your own words</source>
        <translation>이 개인정보를 내려받는 사유(접속 기록에 남음): 복지관 연계, 본인 제공, 처방의 전달, 또는 직접 쓴 사유</translation>
    </message>
    <message>
        <source>복약상담 데스크 ConsultDesk. Without a command it opens the app.</source>
        <translation>복약상담 데스크 ConsultDesk. 명령 없이 실행하면 앱 창이 열립니다.</translation>
    </message>
    <message>
        <source>folder of the local database (default: the user data folder)</source>
        <translation>이 컴퓨터의 데이터베이스 폴더 (기본값: 사용자 데이터 폴더)</translation>
    </message>
    <message>
        <source>language of the window and of what the commands say (default: the app&apos;s setting, else the system&apos;s)</source>
        <translation>창과 명령 메시지의 언어 (기본값: 앱 설정, 없으면 시스템 언어)</translation>
    </message>
    <message>
        <source>first-time set-up: a new encrypted database</source>
        <translation>처음 설정: 암호화된 새 데이터베이스를 만듭니다</translation>
    </message>
    <message>
        <source>the pharmacist&apos;s name</source>
        <translation>약사 이름</translation>
    </message>
    <message>
        <source>pharmacy or organisation</source>
        <translation>약국 또는 기관</translation>
    </message>
    <message>
        <source>phone printed on the documents</source>
        <translation>문서에 인쇄할 전화번호</translation>
    </message>
    <message>
        <source>list residents with their ids</source>
        <translation>내담자와 ID 목록</translation>
    </message>
    <message>
        <source>name, initials (ㄱㅁ) or phone digits</source>
        <translation>이름, 초성(ㄱㅁ) 또는 전화번호 숫자</translation>
    </message>
    <message>
        <source>create a new database filled with fictional residents</source>
        <translation>가상 내담자로 채운 새 데이터베이스를 만듭니다</translation>
    </message>
    <message>
        <source>consultations in total (≤ 50,000, ≤ 8 per resident; default: 1 to 8 per resident)</source>
        <translation>상담 건수 합계 (50,000 이하, 내담자당 8 이하; 기본값: 내담자당 1~8)</translation>
    </message>
    <message>
        <source>create or join the team that syncs through a shared folder</source>
        <translation>공유 폴더로 동기화하는 팀을 만들거나 팀에 참여합니다</translation>
    </message>
    <message>
        <source>start a team in a shared folder</source>
        <translation>공유 폴더에 팀을 만듭니다</translation>
    </message>
    <message>
        <source>the shared folder</source>
        <translation>공유 폴더</translation>
    </message>
    <message>
        <source>the team&apos;s name, shown when joining</source>
        <translation>팀 이름 (참여할 때 보입니다)</translation>
    </message>
    <message>
        <source>join the team in a shared folder</source>
        <translation>공유 폴더의 팀에 참여합니다</translation>
    </message>
    <message>
        <source>the shared or team folder</source>
        <translation>공유 폴더 또는 팀 폴더</translation>
    </message>
    <message>
        <source>list the team&apos;s computers: id, pharmacist, last file, retired</source>
        <translation>팀의 컴퓨터 목록: ID, 약사, 마지막 파일, 제외 여부</translation>
    </message>
    <message>
        <source>take a lost or replaced computer out of the team (its changes stay)</source>
        <translation>잃어버렸거나 바꾼 컴퓨터를 팀에서 제외합니다 (그 컴퓨터의 변경 내용은 남습니다)</translation>
    </message>
    <message>
        <source>the computer&apos;s id, or its last 8 characters</source>
        <translation>컴퓨터 ID 또는 그 마지막 8자</translation>
    </message>
    <message>
        <source>send this computer&apos;s changes and import the team&apos;s</source>
        <translation>이 컴퓨터의 변경 내용을 보내고 팀의 변경 내용을 가져옵니다</translation>
    </message>
    <message>
        <source>where the team folder is now (if it moved)</source>
        <translation>팀 폴더의 지금 위치 (옮겼을 때)</translation>
    </message>
    <message>
        <source>write a referral sheet, medication list or summary</source>
        <translation>의뢰서, 복약 목록 또는 상담 요약을 만듭니다</translation>
    </message>
    <message>
        <source>the resident&apos;s id</source>
        <translation>내담자 ID</translation>
    </message>
    <message>
        <source>a referral&apos;s reference code (reprints that sheet)</source>
        <translation>의뢰서의 참조 코드 (그 의뢰서를 다시 만듭니다)</translation>
    </message>
    <message>
        <source>the consultation&apos;s id (default: the latest)</source>
        <translation>상담 ID (기본값: 가장 최근 상담)</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>저장할 PDF 파일</translation>
    </message>
    <message>
        <source>document language</source>
        <translation>문서 언어</translation>
    </message>
    <message>
        <source>print the phone number</source>
        <translation>전화번호를 인쇄합니다</translation>
    </message>
    <message>
        <source>print the district</source>
        <translation>사는 동네를 인쇄합니다</translation>
    </message>
    <message>
        <source>an encrypted copy of the database</source>
        <translation>데이터베이스의 암호화된 사본을 만듭니다</translation>
    </message>
    <message>
        <source>folder for the copy (default: DATA_DIR/backups)</source>
        <translation>사본을 둘 폴더 (기본값: DATA_DIR/backups)</translation>
    </message>
    <message>
        <source>replace the database with a backup</source>
        <translation>백업으로 데이터베이스를 바꿉니다</translation>
    </message>
    <message>
        <source>the backup file</source>
        <translation>백업 파일</translation>
    </message>
    <message>
        <source>even if the database here is newer than the backup</source>
        <translation>이 컴퓨터의 데이터베이스가 백업보다 새로워도 바꿉니다</translation>
    </message>
    <message>
        <source>shared measures for a period (XLSX, CSV, PDF or de-identified JSON)</source>
        <translation>기간별 공동 성과 지표 (XLSX, CSV, PDF 또는 비식별 JSON)</translation>
    </message>
    <message>
        <source>first day, YYYY-MM-DD</source>
        <translation>첫날, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>last day, YYYY-MM-DD</source>
        <translation>마지막 날, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>only this welfare centre&apos;s residents</source>
        <translation>이 복지관의 내담자만</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>저장할 파일</translation>
    </message>
    <message>
        <source>no names, small numbers suppressed</source>
        <translation>이름 없이, 작은 수는 가림</translation>
    </message>
    <message>
        <source>add several teams&apos; de-identified JSON reports into one</source>
        <translation>여러 팀의 비식별 JSON 보고서를 하나로 합칩니다</translation>
    </message>
    <message>
        <source>report language</source>
        <translation>보고서 언어</translation>
    </message>
    <message>
        <source>(not for --deidentified or JSON)</source>
        <translation>(--deidentified나 JSON에는 필요 없음)</translation>
    </message>
    <message>
        <source>re-encrypt the database under a new passphrase (after a backup)</source>
        <translation>데이터베이스를 새 암호로 다시 암호화합니다 (먼저 백업합니다)</translation>
    </message>
    <message>
        <source>who viewed, changed, printed or exported what</source>
        <translation>누가 무엇을 조회·변경·출력·다운로드했는지</translation>
    </message>
    <message>
        <source>from this date (YYYY-MM-DD)</source>
        <translation>이 날짜부터 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>only this resident&apos;s id</source>
        <translation>이 내담자 ID만</translation>
    </message>
    <message>
        <source>only this laptop&apos;s rows (its device id, or the 8 characters shown)</source>
        <translation>이 컴퓨터의 기록만 (기기 id, 또는 화면에 보이는 8자)</translation>
    </message>
    <message>
        <source>only the rows of this pharmacist</source>
        <translation>이 약사의 기록만</translation>
    </message>
    <message>
        <source>write the rows to this CSV file</source>
        <translation>기록을 이 CSV 파일로 저장합니다</translation>
    </message>
    <message>
        <source>(with --csv)</source>
        <translation>(--csv와 함께)</translation>
    </message>
    <message>
        <source>record this month&apos;s inspection of the log</source>
        <translation>이번 달 접속 기록 점검을 기록합니다</translation>
    </message>
    <message>
        <source>check the access log&apos;s chain and the database</source>
        <translation>접속 기록 체인과 데이터베이스를 검사합니다</translation>
    </message>
</context>
<context>
    <name>CloseReferralDialog</name>
    <message>
        <source>Close the referral</source>
        <translation>의뢰 종결</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Needed when it was not resolved</source>
        <translation>해결되지 않았을 때 적어 주세요</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>의뢰</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>종결일</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
</context>
<context>
    <name>CodedWords</name>
    <message>
        <source>Not recorded</source>
        <translation>기록 없음</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>여</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>남</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Lives alone</source>
        <translation>혼자 삶 (독거)</translation>
    </message>
    <message>
        <source>With spouse</source>
        <translation>배우자와 삶</translation>
    </message>
    <message>
        <source>With family</source>
        <translation>가족과 삶</translation>
    </message>
    <message>
        <source>With a carer</source>
        <translation>돌봄 제공자와 삶</translation>
    </message>
    <message>
        <source>In a care facility</source>
        <translation>시설 거주</translation>
    </message>
    <message>
        <source>Consent to collect and use health information</source>
        <translation>민감정보(건강정보) 수집·이용 동의</translation>
    </message>
    <message>
        <source>Consent to share with the welfare centre</source>
        <translation>개인정보 제3자 제공 동의 (복지관)</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>서면</translation>
    </message>
    <message>
        <source>Verbal</source>
        <translation>구두</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>동의함</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>동의하지 않음</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>철회함</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>가정 방문</translation>
    </message>
    <message>
        <source>Welfare centre</source>
        <translation>복지관</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>약국</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화 상담</translation>
    </message>
    <message>
        <source>The resident</source>
        <translation>내담자 본인</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>가족</translation>
    </message>
    <message>
        <source>Carer</source>
        <translation>돌봄 제공자</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>사례담당자</translation>
    </message>
    <message>
        <source>Prescription</source>
        <translation>처방약</translation>
    </message>
    <message>
        <source>Over the counter</source>
        <translation>일반의약품</translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation>건강기능식품</translation>
    </message>
    <message>
        <source>As prescribed</source>
        <translation>처방대로 복용</translation>
    </message>
    <message>
        <source>Often misses</source>
        <translation>자주 빠뜨림</translation>
    </message>
    <message>
        <source>Stopped on own</source>
        <translation>임의로 중단</translation>
    </message>
    <message>
        <source>Takes more</source>
        <translation>더 많이 복용</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>계속 복용</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중단</translation>
    </message>
    <message>
        <source>Ask the prescriber</source>
        <translation>처방의에게 문의</translation>
    </message>
    <message>
        <source>Dispose</source>
        <translation>폐기</translation>
    </message>
    <message>
        <source>Effectiveness</source>
        <translation>효과</translation>
    </message>
    <message>
        <source>Adverse effect</source>
        <translation>부작용</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>복약 이행</translation>
    </message>
    <message>
        <source>Duplication</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>상호작용</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>보관</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>Advice to the resident</source>
        <translation>내담자에게 복약 지도</translation>
    </message>
    <message>
        <source>Contact the prescriber</source>
        <translation>처방의에게 연락</translation>
    </message>
    <message>
        <source>Refer to the case worker</source>
        <translation>사례담당자에게 의뢰</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>작성 중</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Being amended</source>
        <translation>고치는 중</translation>
    </message>
    <message>
        <source>High</source>
        <translation>높음</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>중간</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>검토 전</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>확인함</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>제외함</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>약물</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>사회적</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>발송함</translation>
    </message>
    <message>
        <source>Reply received</source>
        <translation>회신 받음</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종결</translation>
    </message>
    <message>
        <source>Not ticked</source>
        <translation>표시 없음</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>연계 완료</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Could not link</source>
        <translation>연계하지 못함</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>해결되지 않음</translation>
    </message>
    <message>
        <source>Referral sheet</source>
        <translation>연계 의뢰서</translation>
    </message>
    <message>
        <source>Personal medication list</source>
        <translation>나의 복약 목록</translation>
    </message>
    <message>
        <source>Consultation summary</source>
        <translation>복약상담 기록</translation>
    </message>
    <message>
        <source>Contraindicated combinations</source>
        <translation>병용금기</translation>
    </message>
    <message>
        <source>Caution in older adults</source>
        <translation>노인주의</translation>
    </message>
    <message>
        <source>Same efficacy group</source>
        <translation>효능군중복</translation>
    </message>
</context>
<context>
    <name>ComparisonDialog</name>
    <message>
        <source>What changed between the two consultations</source>
        <translation>두 상담 사이에 달라진 점</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>strength</source>
        <translation>함량</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>아침</translation>
    </message>
    <message>
        <source>noon</source>
        <translation>점심</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>저녁</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>취침 전</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>필요시</translation>
    </message>
    <message>
        <source>prescriber</source>
        <translation>처방처</translation>
    </message>
    <message>
        <source>how it is taken</source>
        <translation>복용 실태</translation>
    </message>
    <message>
        <source>source</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>action</source>
        <translation>조치</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>보관</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Medicines added</source>
        <translation>새로 추가된 약</translation>
    </message>
    <message>
        <source>Medicines stopped or no longer found</source>
        <translation>중단되었거나 더 이상 없는 약</translation>
    </message>
    <message>
        <source>Medicines changed</source>
        <translation>달라진 약</translation>
    </message>
    <message>
        <source>Problems resolved</source>
        <translation>해결된 문제</translation>
    </message>
    <message>
        <source>New problems</source>
        <translation>새 문제</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>About</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>What</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>지금 보이는 값</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>다른 값</translation>
    </message>
    <message>
        <source>A safety field: a person must decide.</source>
        <translation>안전 관련 항목입니다. 사람이 직접 정해야 합니다.</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Decide</source>
        <translation>결정하기</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>지금 보이는 값</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>다른 값</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>이 값 유지</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>이 값으로 바꾸기</translation>
    </message>
    <message>
        <source>Or type the right value, e.g. both combined</source>
        <translation>또는 맞는 값을 직접 입력하세요 (예: 두 값을 합친 내용)</translation>
    </message>
    <message>
        <source>Save this value</source>
        <translation>입력한 값 저장</translation>
    </message>
    <message>
        <source>Conflicts to decide: {count}</source>
        <translation>결정할 충돌: {count}건</translation>
    </message>
    <message>
        <source>No conflicts to decide.</source>
        <translation>결정할 충돌이 없습니다.</translation>
    </message>
    <message>
        <source>{about} — one laptop deleted this record while another changed it. Keep the record, or delete it?</source>
        <translation>{about} — 한 컴퓨터에서 이 기록을 삭제하는 동안 다른 컴퓨터에서 내용을 고쳤습니다. 기록을 남길까요, 삭제할까요?</translation>
    </message>
    <message>
        <source>{about} — {what} was changed on two laptops. This is a safety field: check with the resident or the prescription, then choose.</source>
        <translation>{about} — 두 컴퓨터에서 {what}을(를) 서로 다르게 고쳤습니다. 안전 관련 항목이므로 내담자나 처방전으로 확인한 뒤 고르세요.</translation>
    </message>
    <message>
        <source>{about} — {what} was changed on two laptops. Which is right?</source>
        <translation>{about} — 두 컴퓨터에서 {what}을(를) 서로 다르게 고쳤습니다. 어느 쪽이 맞나요?</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>기록 삭제</translation>
    </message>
    <message>
        <source>Keep the record</source>
        <translation>기록 남기기</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>동의 기록</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>동의함</translation>
    </message>
    <message>
        <source>Consent refused</source>
        <translation>동의하지 않음</translation>
    </message>
    <message>
        <source>Needed for verbal consent</source>
        <translation>구두 동의일 때 필요합니다</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>동의 여부</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>입회인</translation>
    </message>
</context>
<context>
    <name>ConsentFirstPrompt</name>
    <message>
        <source>Consent to health information</source>
        <translation>건강정보 수집·이용 동의</translation>
    </message>
    <message>
        <source>A consultation records the resident&apos;s medicines and health. Ask for consent now (written, or verbal with a witness), record it, and the consultation starts.</source>
        <translation>상담에는 내담자의 복용 약과 건강 상태가 기록됩니다. 지금 동의를 받아(서면, 또는 증인이 있는 구두 동의) 기록하면 상담이 시작됩니다.</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>동의 기록…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
</context>
<context>
    <name>ConsentWithdrawnNotice</name>
    <message>
        <source>No new consultation</source>
        <translation>새 상담을 시작할 수 없음</translation>
    </message>
    <message>
        <source>If the resident gives consent again, record it under the resident&apos;s consents first; then a new consultation can start.</source>
        <translation>내담자가 다시 동의하면 먼저 내담자의 동의 항목에 기록하세요. 그러면 새 상담을 시작할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>ConsultationEditor</name>
    <message>
        <source>Save a copy of the consultation</source>
        <translation>상담 사본 저장</translation>
    </message>
    <message>
        <source>Consultation copy (*.json)</source>
        <translation>상담 사본 (*.json)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>저장 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Finish consultation</source>
        <translation>상담 마치기</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>고치기…</translation>
    </message>
    <message>
        <source>Earlier versions…</source>
        <translation>이전 버전…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Add medicine (Enter)</source>
        <translation>약 추가 (Enter)</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>행 삭제</translation>
    </message>
    <message>
        <source>Enter: next medicine · Tab: next cell · type to search the catalog; names that match nothing stay as written, marked “unmatched”.</source>
        <translation>Enter: 다음 약 · Tab: 다음 칸 · 이름을 입력하면 약 목록에서 찾아 줍니다. 찾지 못한 이름은 적은 그대로 두고 ‘미확인’으로 표시합니다.</translation>
    </message>
    <message>
        <source>Add problem</source>
        <translation>문제 추가</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>분</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>방문 날짜</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>소요 시간(분)</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>참석자</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>상담 내용</translation>
    </message>
    <message>
        <source>What I observed</source>
        <translation>약사 관찰</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>후속 계획</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>다음 방문</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>약 목록</translation>
    </message>
    <message>
        <source>Drug-related problems</source>
        <translation>약물 관련 문제</translation>
    </message>
    <message>
        <source>Social risks</source>
        <translation>사회적 위험</translation>
    </message>
    <message>
        <source>Visit and advice</source>
        <translation>방문·상담 내용</translation>
    </message>
    <message>
        <source>Show their version instead</source>
        <translation>그쪽 내용으로 보기</translation>
    </message>
    <message>
        <source>Replaces what is on screen here with their version</source>
        <translation>지금 화면의 내용을 다른 컴퓨터의 내용으로 바꿉니다</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>내 내용 유지</translation>
    </message>
    <message>
        <source>{name} — visit {n}</source>
        <translation>{name} — {n}회차 상담</translation>
    </message>
    <message>
        <source>This consultation was deleted on another laptop. What is on screen is kept here until you close it; save a copy if it is still needed.</source>
        <translation>이 상담은 다른 컴퓨터에서 삭제되었습니다. 화면의 내용은 닫을 때까지 여기에 남아 있습니다. 아직 필요하면 사본으로 저장하세요.</translation>
    </message>
    <message>
        <source>This consultation was changed on another laptop while you were editing it. Your edits stay on screen and are saved over theirs; to keep theirs instead, show their version.</source>
        <translation>이 상담을 편집하는 동안 다른 컴퓨터에서 내용이 바뀌었습니다. 여기서 고친 내용은 화면에 그대로 있고, 저장하면 다른 컴퓨터의 내용 대신 남습니다. 다른 컴퓨터의 내용을 남기려면 그쪽 내용으로 보기를 누르세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n medicine(s)</source>
        <translation>
            <numerusform>약 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Understood</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Updated from another laptop</source>
        <translation>다른 컴퓨터에서 바뀐 내용으로 고침</translation>
    </message>
    <message>
        <source>Not saved yet…</source>
        <translation>아직 저장 전…</translation>
    </message>
    <message>
        <source>An unexpected error stopped the save; the details are in the log file in the data folder.</source>
        <translation>예상하지 못한 오류로 저장하지 못했습니다. 자세한 내용은 데이터 폴더의 로그 파일에 있습니다.</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>{time} 저장됨</translation>
    </message>
    <message>
        <source>Saving is tried again every few seconds.</source>
        <translation>몇 초마다 다시 저장을 시도합니다.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>저장되지 않음</translation>
    </message>
    <message>
        <source>Finished and saved</source>
        <translation>상담을 마치고 저장했습니다</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Choose in the calendar</source>
        <translation>달력에서 고르기</translation>
    </message>
    <message>
        <source>Choose the date in a calendar (Alt+↓)</source>
        <translation>달력에서 날짜 고르기 (Alt+↓)</translation>
    </message>
    <message>
        <source>For example 2026-11-21 or 2026. 11. 21.</source>
        <translation>예: 2026-11-21 또는 2026. 11. 21.</translation>
    </message>
</context>
<context>
    <name>DismissFlagDialog</name>
    <message>
        <source>Dismiss flag</source>
        <translation>위험 신호 제외</translation>
    </message>
    <message>
        <source>The prescriber knows and wants both</source>
        <translation>처방의가 알고 있으며 함께 쓰기로 함</translation>
    </message>
    <message>
        <source>Short-term use only</source>
        <translation>단기간만 복용함</translation>
    </message>
    <message>
        <source>Already handled during this visit</source>
        <translation>이번 방문에서 이미 조치함</translation>
    </message>
    <message>
        <source>Does not apply to this resident</source>
        <translation>이 내담자에게는 해당하지 않음</translation>
    </message>
    <message>
        <source>Why is this flag not a problem here?</source>
        <translation>이 위험 신호를 제외하는 이유를 적어 주세요</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>제외</translation>
    </message>
    <message>
        <source>Reason for dismissing</source>
        <translation>제외 사유</translation>
    </message>
</context>
<context>
    <name>DocumentsBar</name>
    <message>
        <source>Export documents…</source>
        <translation>문서 내보내기…</translation>
    </message>
    <message>
        <source>Documents can be made once a consultation is recorded.</source>
        <translation>상담을 기록한 뒤에 문서를 만들 수 있습니다.</translation>
    </message>
    <message>
        <source>Referral sheet not available: {reason} The medication list and the summary can still be exported.</source>
        <translation>연계 의뢰서를 만들 수 없습니다: {reason} 복약 목록과 상담 기록은 내보낼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>DownloadReason</name>
    <message>
        <source>Referral to the welfare centre</source>
        <translation>복지관 연계</translation>
    </message>
    <message>
        <source>Given to the resident</source>
        <translation>본인 제공</translation>
    </message>
    <message>
        <source>Sent to the prescriber</source>
        <translation>처방의 전달</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
</context>
<context>
    <name>DownloadReasonDialog</name>
    <message>
        <source>Reason for the download</source>
        <translation>다운로드 사유</translation>
    </message>
    <message>
        <source>{what} holds personal data. Why is it being saved? The reason is kept in the access log with the download.</source>
        <translation>{what}에는 개인정보가 들어 있습니다. 어떤 사유로 저장하나요? 사유는 다운로드 기록과 함께 접속 기록에 남습니다.</translation>
    </message>
    <message>
        <source>To whom, what for (needed for Other)</source>
        <translation>누구에게, 무엇 때문에 (기타를 고르면 꼭 적으세요)</translation>
    </message>
    <message>
        <source>Confirm the reason</source>
        <translation>사유 확인</translation>
    </message>
    <message>
        <source>Choose the reason for the download.</source>
        <translation>다운로드 사유를 고르세요.</translation>
    </message>
</context>
<context>
    <name>DurImportDialog</name>
    <message>
        <source>Import DUR files</source>
        <translation>DUR 파일 가져오기</translation>
    </message>
    <message>
        <source>Import the DUR ingredient lists you downloaded (contraindicated combinations, caution in older adults, same efficacy group) as CSV files in CP949 or UTF-8. Their rules are used next to the bundled ones, labelled with the file name. A newer file of the same list replaces the older one.</source>
        <translation>내려받은 DUR 성분 목록(병용금기, 노인주의, 효능군중복)을 CP949 또는 UTF-8 CSV 파일로 가져옵니다. 가져온 규칙은 기본 규칙과 함께 쓰이며, 파일 이름으로 출처가 표시됩니다. 같은 목록의 새 파일을 가져오면 이전 파일을 대신합니다.</translation>
    </message>
    <message>
        <source>Recognise from the file</source>
        <translation>파일에서 자동 인식</translation>
    </message>
    <message>
        <source>Save unmatched rows as CSV…</source>
        <translation>목록에 없는 성분의 행을 CSV로 저장…</translation>
    </message>
    <message>
        <source>The rows whose ingredient is not in the medicines catalog, with their line in the file, to check the names against the catalog.</source>
        <translation>성분이 의약품 목록에 없는 행을 파일의 줄 번호와 함께 저장합니다. 성분명을 목록과 대조해 볼 때 쓰세요.</translation>
    </message>
    <message>
        <source>Stop using this file</source>
        <translation>이 파일 사용 중지</translation>
    </message>
    <message>
        <source>List type</source>
        <translation>목록 종류</translation>
    </message>
    <message>
        <source>DUR files in use</source>
        <translation>사용 중인 DUR 파일</translation>
    </message>
    <message>
        <source>Choose a DUR file</source>
        <translation>DUR 파일 선택</translation>
    </message>
    <message>
        <source>{list}: {rules} from {rows} of {file} ({encoding}).</source>
        <translation>{list}: {file}({encoding})의 {rows}에서 {rules}를 가져왔습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rule(s)</source>
        <translation>
            <numerusform>규칙 %Ln개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln개 행</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) skipped (deleted, or combination products that cannot be matched by name).</source>
        <translation>
            <numerusform>%Ln개 행은 건너뛰었습니다(삭제된 행, 또는 성분명으로 찾을 수 없는 복합제).</numerusform>
        </translation>
    </message>
    <message>
        <source>It replaces the file of this list imported before.</source>
        <translation>이전에 가져온 같은 목록의 파일을 대신합니다.</translation>
    </message>
    <message>
        <source>Columns not used: {columns}.</source>
        <translation>쓰지 않은 열: {columns}.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) name an ingredient the medicines catalog does not know: their rules fire only on a medicine typed with exactly that name.</source>
        <translation>
            <numerusform>%n개 행은 의약품 목록에 없는 성분을 가리킵니다. 이 규칙은 그 이름 그대로 입력한 약에만 적용됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save unmatched rows</source>
        <translation>목록에 없는 성분의 행 저장</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved in {file}.</source>
        <translation>
            <numerusform>%n개 행을 {file}에 저장했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The list could not be saved: {detail}</source>
        <translation>목록을 저장하지 못했습니다: {detail}</translation>
    </message>
    <message>
        <source>Stop using {file} ({list})? The bundled rules stay.</source>
        <translation>{file}({list}) 파일의 사용을 중지할까요? 기본 규칙은 그대로 쓰입니다.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected problem</source>
        <translation>예상하지 못한 문제</translation>
    </message>
    <message>
        <source>Something went wrong, and the details were written to the log file in the data folder. Your last edits are NOT saved yet: keep the app open; the consultation&apos;s header says whether saving has gone through.</source>
        <translation>문제가 생겼고, 자세한 내용은 데이터 폴더의 로그 파일에 기록했습니다. 마지막 변경 내용은 아직 저장되지 않았습니다. 앱을 닫지 마세요. 저장이 되었는지는 상담 화면 위쪽에 표시됩니다.</translation>
    </message>
    <message>
        <source>Something went wrong. What you saved is safe, and the details were written to the log file in the data folder. You can keep working.</source>
        <translation>문제가 생겼습니다. 저장한 내용은 안전하며, 자세한 내용은 데이터 폴더의 로그 파일에 기록했습니다. 계속 작업하셔도 됩니다.</translation>
    </message>
    <message>
        <source>ConsultDesk could not start. What was saved before is safe, and the details were written to the log file in the data folder. Close this message and start ConsultDesk again; if it happens again, send the log file to whoever supports you.</source>
        <translation>ConsultDesk를 시작하지 못했습니다. 이전에 저장한 내용은 안전하며, 자세한 내용은 데이터 폴더의 로그 파일에 기록했습니다. 이 메시지를 닫고 ConsultDesk를 다시 시작하세요. 같은 일이 또 생기면 로그 파일을 지원 담당자에게 보내 주세요.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Visit {number} · {date}</source>
        <translation>{number}회차 · {date}</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Print the phone number</source>
        <translation>전화번호 표시</translation>
    </message>
    <message>
        <source>Print the district</source>
        <translation>거주 지역(구) 표시</translation>
    </message>
    <message>
        <source>Add a service from the list…</source>
        <translation>목록에서 서비스 추가…</translation>
    </message>
    <message>
        <source>Or write a service in your own words</source>
        <translation>또는 필요한 서비스를 직접 적어 주세요</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Your opinion for the case worker (optional)</source>
        <translation>사례담당자에게 전할 약사 의견 (선택)</translation>
    </message>
    <message>
        <source>Referral sheet</source>
        <translation>연계 의뢰서</translation>
    </message>
    <message>
        <source>Name, age and sex are always printed; phone and district only if ticked.</source>
        <translation>이름, 나이, 성별은 항상 표시되며 전화번호와 거주 지역은 선택한 경우에만 표시됩니다.</translation>
    </message>
    <message>
        <source>Services requested (tick each one to ask for)</source>
        <translation>요청하는 서비스 (필요한 것에 표시하세요)</translation>
    </message>
    <message>
        <source>Pharmacist&apos;s opinion</source>
        <translation>약사 의견</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>인쇄…</translation>
    </message>
    <message>
        <source>Keep referral as draft</source>
        <translation>의뢰서 임시 저장</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>회차</translation>
    </message>
    <message>
        <source>No consultation to print yet: record one first.</source>
        <translation>인쇄할 상담이 없습니다. 먼저 상담을 기록해 주세요.</translation>
    </message>
    <message>
        <source>Language of the documents</source>
        <translation>문서 언어</translation>
    </message>
    <message>
        <source>Documents (tick to save; click to preview)</source>
        <translation>문서 (저장할 문서를 선택하고, 누르면 미리 봅니다)</translation>
    </message>
    <message>
        <source>The referral sheet is not available: {reason}</source>
        <translation>연계 의뢰서를 만들 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>미리보기를 준비하는 중…</translation>
    </message>
    <message>
        <source>{document} · {code} · pages: {pages}</source>
        <translation>{document} · {code} · {pages}쪽</translation>
    </message>
    <message>
        <source>Saved: {files}</source>
        <translation>저장했습니다: {files}</translation>
    </message>
    <message>
        <source>Printed: {document}</source>
        <translation>인쇄했습니다: {document}</translation>
    </message>
    <message>
        <source>The referral was kept as a draft.</source>
        <translation>의뢰서를 임시 저장했습니다.</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>문서 저장</translation>
    </message>
    <message>
        <source>Save documents in</source>
        <translation>문서를 저장할 폴더</translation>
    </message>
</context>
<context>
    <name>FlagsPanel</name>
    <message>
        <source>Risk flags</source>
        <translation>위험 신호</translation>
    </message>
    <message>
        <source>Medication ({count})</source>
        <translation>의약품 ({count})</translation>
    </message>
    <message>
        <source>Social risks ({count})</source>
        <translation>사회적 위험 ({count})</translation>
    </message>
    <message>
        <source>{count} dismissed</source>
        <translation>제외 {count}건</translation>
    </message>
    <message>
        <source>Medicines involved</source>
        <translation>관련 약</translation>
    </message>
    <message>
        <source>Imported DUR file: {source}</source>
        <translation>가져온 DUR 파일: {source}</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Hide source</source>
        <translation>출처 닫기</translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>위험 신호가 없습니다.</translation>
    </message>
    <message>
        <source>Suggested services</source>
        <translation>연계 서비스 제안</translation>
    </message>
    <message>
        <source>{status} — reason: {reason}</source>
        <translation>{status} — 사유: {reason}</translation>
    </message>
    <message>
        <source>{status} — note: {reason}</source>
        <translation>{status} — 메모: {reason}</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>제외…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>다시 검토</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Resident</source>
        <translation>내담자</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>지난 방문</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>다음 방문</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>예정</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n일 지남</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n일 후</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>오늘</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Show resident</source>
        <translation>내담자 보기</translation>
    </message>
    <message>
        <source>Follow-up visits: overdue and due this week</source>
        <translation>후속 방문: 지난 방문과 이번 주 방문</translation>
    </message>
    <message>
        <source>{overdue} overdue · {week} due this week</source>
        <translation>지남 {overdue}명 · 이번 주 {week}명</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>사용 안내</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Earlier versions</source>
        <translation>이전 버전</translation>
    </message>
    <message>
        <source>Version {n} — replaced on {when}</source>
        <translation>{n}번째 버전 — {when}에 고쳐짐</translation>
    </message>
    <message>
        <source>Reason for the correction:</source>
        <translation>고친 이유:</translation>
    </message>
    <message>
        <source>Medicines (morning / noon / evening / bedtime / as needed):</source>
        <translation>약 (아침 / 점심 / 저녁 / 취침 전 / 필요시):</translation>
    </message>
    <message>
        <source>Advice:</source>
        <translation>상담 내용:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>IgnoredFilesDialog</name>
    <message>
        <source>Files we ignore</source>
        <translation>무시하는 파일</translation>
    </message>
    <message>
        <source>These files are in the team folder but are not ConsultDesk change files, or cannot be used yet. Sync leaves them where they are and does not mention them again. Copies that a sync program made of this computer&apos;s own files can be removed here; nothing else is ever deleted.</source>
        <translation>이 파일들은 팀 폴더에 있지만 ConsultDesk 변경 파일이 아니거나 아직 쓸 수 없는 파일입니다. 동기화는 이 파일들을 그대로 두고 다시 알리지 않습니다. 동기화 프로그램이 이 컴퓨터의 파일을 복사해 만든 사본은 여기서 지울 수 있고, 그 밖의 파일은 절대 지우지 않습니다.</translation>
    </message>
    <message>
        <source>Remove this computer&apos;s duplicate copies</source>
        <translation>이 컴퓨터 파일의 중복 사본 지우기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>(a duplicate of this computer&apos;s own file; can be removed)</source>
        <translation>(이 컴퓨터 파일의 중복 사본이라 지울 수 있습니다)</translation>
    </message>
    <message>
        <source>No files are being ignored.</source>
        <translation>무시하는 파일이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n duplicate cop(y|ies).</source>
        <translation>
            <numerusform>중복 사본 %n개를 지웠습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Choose file and import…</source>
        <translation>파일 선택 후 가져오기…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>ImportedSetsModel</name>
    <message>
        <source>List</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>가져온 날짜</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>규칙 수</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>읽을 수 없음</translation>
    </message>
    <message>
        <source>This file can no longer be read and its rules are not used: {error}</source>
        <translation>이 파일을 더 이상 읽을 수 없어 규칙을 쓰지 않고 있습니다: {error}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>ConsultDesk is locked</source>
        <translation>ConsultDesk가 잠겨 있습니다</translation>
    </message>
    <message>
        <source>Nothing is shown while you are away. Enter the passphrase to continue.</source>
        <translation>자리를 비운 동안에는 아무것도 보이지 않습니다. 계속하려면 암호를 입력하세요.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>암호</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>잠금 해제</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ConsultDesk — medication consultation desk</source>
        <translation>복약상담 데스크</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>내담자</translation>
    </message>
    <message>
        <source>Follow-up visits</source>
        <translation>후속 방문</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>의뢰 관리</translation>
    </message>
    <message>
        <source>Shared measures</source>
        <translation>성과 지표</translation>
    </message>
    <message>
        <source>Welfare centres</source>
        <translation>복지관</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>동기화</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>Pharmacist &amp;profile…</source>
        <translation>약사 정보(&amp;P)…</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>지금 동기화(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>Import &amp;DUR files…</source>
        <translation>DUR 파일 가져오기(&amp;D)…</translation>
    </message>
    <message>
        <source>Import &amp;product list…</source>
        <translation>제품 목록 가져오기(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>사용 안내(&amp;G)</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>데이터 폴더 열기(&amp;D)</translation>
    </message>
    <message>
        <source>Open the &amp;log</source>
        <translation>로그 열기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About ConsultDesk</source>
        <translation>복약상담 데스크 정보(&amp;A)</translation>
    </message>
    <message>
        <source>New consultation</source>
        <translation>새 상담</translation>
    </message>
    <message numerus="yes">
        <source>{name} · %Ln resident(s)</source>
        <translation>
            <numerusform>{name} · 내담자 %Ln명</numerusform>
        </translation>
    </message>
    <message>
        <source>ConsultDesk</source>
        <translation>복약상담 데스크</translation>
    </message>
    <message>
        <source>Nothing could open {path}. It is on this computer at that place.</source>
        <translation>{path}을(를) 열 수 있는 프로그램이 없습니다. 이 컴퓨터의 그 위치에 있습니다.</translation>
    </message>
</context>
<context>
    <name>MarkSentDialog</name>
    <message>
        <source>Referral sent</source>
        <translation>의뢰서 발송</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>의뢰</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>발송일</translation>
    </message>
</context>
<context>
    <name>MeasuresModel</name>
    <message>
        <source>People and visits</source>
        <translation>사람과 방문</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>약</translation>
    </message>
    <message>
        <source>Problems and flags</source>
        <translation>문제와 위험 신호</translation>
    </message>
    <message>
        <source>Social risks</source>
        <translation>사회적 위험</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>의뢰</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Whole period</source>
        <translation>기간 전체</translation>
    </message>
    <message>
        <source>Click to list them</source>
        <translation>눌러서 목록 보기</translation>
    </message>
    <message>
        <source>Hidden as well, so that a &quot;&lt;{k}&quot; beside it cannot be worked out from a total minus the others</source>
        <translation>옆의 &quot;&lt;{k}&quot;을 합계에서 나머지를 빼서 알아낼 수 없도록 함께 가린 칸입니다</translation>
    </message>
    <message>
        <source>Fewer than {k} residents: hidden when de-identified</source>
        <translation>내담자 {k}명 미만: 비식별로 보면 가립니다</translation>
    </message>
</context>
<context>
    <name>MeasuresView</name>
    <message>
        <source>This year</source>
        <translation>올해</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>작년</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>이번 분기</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>이번 달</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>지난달</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>기간 직접 정하기</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>월별</translation>
    </message>
    <message>
        <source>By quarter</source>
        <translation>분기별</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>연도별</translation>
    </message>
    <message>
        <source>By welfare centre</source>
        <translation>복지관별</translation>
    </message>
    <message>
        <source>By pharmacist</source>
        <translation>약사별</translation>
    </message>
    <message>
        <source>By age band</source>
        <translation>연령대별</translation>
    </message>
    <message>
        <source>By sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation>비식별</translation>
    </message>
    <message>
        <source>As a funder gets it: small numbers suppressed, no names behind the numbers</source>
        <translation>지원 기관이 받는 그대로: 작은 수는 가리고, 숫자 뒤의 이름은 보이지 않습니다</translation>
    </message>
    <message>
        <source>De-identified cells resting on fewer residents than this are suppressed (a setting of this laptop)</source>
        <translation>비식별로 볼 때 내담자가 이 수보다 적은 칸은 가립니다 (이 컴퓨터의 설정)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Consultations and residents by month</source>
        <translation>월별 상담 횟수와 내담자 수</translation>
    </message>
    <message>
        <source>{start} to {end}: {sessions} consultations, {residents} residents</source>
        <translation>{start} ~ {end}: 상담 {sessions}회, 내담자 {residents}명</translation>
    </message>
    <message numerus="yes">
        <source>{indicator}: %Ln referral(s)</source>
        <translation>
            <numerusform>{indicator}: 의뢰 %Ln건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{indicator}: %Ln resident(s)</source>
        <translation>
            <numerusform>{indicator}: 내담자 %Ln명</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress towards the goals</source>
        <translation>목표 달성률</translation>
    </message>
    <message>
        <source>Click a number to see who is behind it.</source>
        <translation>숫자를 누르면 그 숫자에 해당하는 내담자나 의뢰가 보입니다.</translation>
    </message>
    <message>
        <source>Shared measures</source>
        <translation>성과 지표</translation>
    </message>
    <message>
        <source>All welfare centres</source>
        <translation>모든 복지관</translation>
    </message>
    <message>
        <source>All pharmacists</source>
        <translation>모든 약사</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>기간의 끝이 시작보다 앞입니다.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>세는 중…</translation>
    </message>
    <message>
        <source>De-identified: no lists behind the numbers.</source>
        <translation>비식별 보기: 숫자 뒤의 목록은 보이지 않습니다.</translation>
    </message>
    <message>
        <source>% of the goal for the period</source>
        <translation>기간 목표 대비 %</translation>
    </message>
    <message>
        <source>{indicator} — {part}</source>
        <translation>{indicator} — {part}</translation>
    </message>
    <message>
        <source>The measures report</source>
        <translation>성과 지표 보고서</translation>
    </message>
    <message>
        <source>Saved: {file}</source>
        <translation>저장했습니다: {file}</translation>
    </message>
</context>
<context>
    <name>MedicationTable</name>
    <message>
        <source>unmatched</source>
        <translation>미확인</translation>
    </message>
    <message>
        <source>Name as found</source>
        <translation>발견된 이름</translation>
    </message>
    <message>
        <source>Ingredient (ATC)</source>
        <translation>성분 (ATC)</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>함량</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>아침</translation>
    </message>
    <message>
        <source>Noon</source>
        <translation>점심</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>저녁</translation>
    </message>
    <message>
        <source>Bedtime</source>
        <translation>취침 전</translation>
    </message>
    <message>
        <source>As needed</source>
        <translation>필요시</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>처방처</translation>
    </message>
    <message>
        <source>For</source>
        <translation>용도</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>How it is taken</source>
        <translation>복용 실태</translation>
    </message>
    <message>
        <source>Storage / expiry</source>
        <translation>보관·유효기간</translation>
    </message>
    <message>
        <source>Left over</source>
        <translation>남은 양</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>조치</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>중재</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This looks like a resident registration number. ConsultDesk never stores one: the law allows it only with a specific legal basis, and the work does not need it. Remove it and use the birth date instead.</source>
        <translation>주민등록번호로 보이는 내용이 있습니다. 주민등록번호는 법령에 근거가 있을 때만 처리할 수 있고 복약상담에는 필요하지 않아 저장하지 않습니다. 지우고 생년월일을 대신 입력해 주세요.</translation>
    </message>
    <message>
        <source>This text holds a broken character (often left by copying from another program). Type that part again.</source>
        <translation>이 글에 깨진 문자가 있습니다(다른 프로그램에서 복사할 때 자주 생깁니다). 그 부분을 다시 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The name is too long (at most {max} characters).</source>
        <translation>이름이 너무 깁니다 (최대 {max}자).</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD (1948-03-05) or 1948. 3. 5., or choose it in the calendar.</source>
        <translation>날짜는 YYYY-MM-DD(예: 1948-03-05) 또는 1948. 3. 5. 형식으로 쓰거나 달력에서 고르세요.</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>생년월일이 오늘보다 뒤입니다.</translation>
    </message>
    <message>
        <source>This birth date gives an age over {max}. Check the year.</source>
        <translation>이 생년월일이면 나이가 {max}세를 넘습니다. 연도를 확인하세요.</translation>
    </message>
    <message>
        <source>The phone number should look like 010-1234-5678 or 02-123-4567.</source>
        <translation>전화번호는 010-1234-5678 또는 02-123-4567 형식이어야 합니다.</translation>
    </message>
    <message>
        <source>Choose one of the values in the list.</source>
        <translation>목록에 있는 값 중에서 고르세요.</translation>
    </message>
    <message>
        <source>Choose the welfare centre of this case worker first.</source>
        <translation>먼저 이 사례담당자의 복지관을 고르세요.</translation>
    </message>
    <message>
        <source>Choose a welfare centre from the list.</source>
        <translation>목록에서 복지관을 고르세요.</translation>
    </message>
    <message>
        <source>Choose a case worker who works at this welfare centre.</source>
        <translation>이 복지관의 사례담당자를 고르세요.</translation>
    </message>
    <message>
        <source>This resident has been deleted in the meantime.</source>
        <translation>그사이에 이 내담자 기록이 삭제되었습니다.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>날짜가 오늘보다 뒤입니다.</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>기간의 끝이 시작보다 앞입니다.</translation>
    </message>
    <message>
        <source>The period is longer than {years} years.</source>
        <translation>기간이 {years}년보다 깁니다.</translation>
    </message>
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation>{min}에서 {max} 사이의 수를 넣어 주세요.</translation>
    </message>
    <message>
        <source>Verbal consent needs the name of the person who witnessed it.</source>
        <translation>구두 동의는 입회한 사람의 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>This consent record no longer exists.</source>
        <translation>이 동의 기록은 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>The withdrawal cannot be dated before the consent.</source>
        <translation>철회일은 동의일보다 앞설 수 없습니다.</translation>
    </message>
    <message>
        <source>Check the e-mail address.</source>
        <translation>이메일 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>Use at least {min} characters.</source>
        <translation>{min}자 이상으로 정하세요.</translation>
    </message>
    <message>
        <source>The passphrase cannot start or end with a space.</source>
        <translation>암호는 공백으로 시작하거나 끝날 수 없습니다.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>두 암호가 서로 다릅니다.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>새 암호가 지금 암호와 같습니다.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases in a row. Wait {seconds} seconds, then try again.</source>
        <translation>잘못된 암호를 연달아 너무 많이 입력했습니다. {seconds}초 기다린 뒤 다시 입력하세요.</translation>
    </message>
    <message>
        <source>ConsultDesk is locked. Unlock it with the passphrase to continue.</source>
        <translation>ConsultDesk가 잠겨 있습니다. 계속하려면 암호로 잠금을 푸세요.</translation>
    </message>
    <message>
        <source>The passphrase is wrong, or the file is not a ConsultDesk database. Nothing was changed; try again.</source>
        <translation>암호가 틀렸거나 복약상담 데스크의 데이터베이스 파일이 아닙니다. 아무것도 바뀌지 않았습니다. 다시 입력해 주세요.</translation>
    </message>
    <message>
        <source>The database file is missing.</source>
        <translation>데이터베이스 파일이 없습니다.</translation>
    </message>
    <message>
        <source>A database already exists in this folder.</source>
        <translation>이 폴더에는 이미 데이터베이스가 있습니다.</translation>
    </message>
    <message>
        <source>The database could not be upgraded to this version of ConsultDesk. It was left as it was, and a backup is in the backups folder.</source>
        <translation>데이터베이스를 이 버전에 맞게 바꾸지 못했습니다. 원래 상태 그대로 두었고, 백업이 backups 폴더에 있습니다.</translation>
    </message>
    <message>
        <source>The visit date is in the future.</source>
        <translation>방문 날짜가 미래입니다.</translation>
    </message>
    <message>
        <source>The next visit cannot be before this visit.</source>
        <translation>다음 방문은 이번 방문보다 앞설 수 없습니다.</translation>
    </message>
    <message>
        <source>Write the duration in minutes, between 1 and 600.</source>
        <translation>소요 시간은 1에서 600 사이의 분으로 적어 주세요.</translation>
    </message>
    <message>
        <source>Record at least one medicine or the advice given before finishing the consultation.</source>
        <translation>상담을 마치기 전에 약을 하나 이상 적거나 상담 내용을 적어 주세요.</translation>
    </message>
    <message>
        <source>This consultation is finished and can no longer be changed. Use &quot;Amend&quot; to correct it; the earlier version is kept.</source>
        <translation>마친 상담은 바꿀 수 없습니다. ‘고치기’로 고치면 이전 내용도 보관됩니다.</translation>
    </message>
    <message>
        <source>This consultation has been deleted in the meantime.</source>
        <translation>그 사이에 이 상담 기록이 삭제되었습니다.</translation>
    </message>
    <message>
        <source>Write the reason.</source>
        <translation>이유를 적어 주세요.</translation>
    </message>
    <message>
        <source>{file} is saved on this computer, but its copy could not be put in the team folder {path}. Check that the shared folder is reachable and save again to copy it.</source>
        <translation>{file} 파일은 이 컴퓨터에 저장했지만, 팀 공유 폴더 {path}에는 사본을 넣지 못했습니다. 공유 폴더에 연결되어 있는지 확인한 뒤 다시 저장하면 사본이 들어갑니다.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and save again; nothing you typed was lost.</source>
        <translation>디스크 공간이 부족합니다. 공간을 비운 뒤 다시 저장하세요. 입력한 내용은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Another program kept the database busy for more than 5 seconds (is ConsultDesk open twice on this folder?). Nothing was changed; try again.</source>
        <translation>다른 프로그램이 5초 넘게 데이터베이스를 쓰고 있어 기다리다 멈췄습니다(이 폴더에서 ConsultDesk가 두 번 열려 있지 않은지 확인하세요). 아무것도 바뀌지 않았습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The file {path} cannot be written ({detail}). Choose another place.</source>
        <translation>{path} 파일을 저장할 수 없습니다({detail}). 다른 위치를 고르세요.</translation>
    </message>
    <message>
        <source>ConsultDesk is already open on the data folder {path}, in another window or a command. Close it there first: two copies on one folder would mix up the team&apos;s changes.</source>
        <translation>ConsultDesk가 이미 데이터 폴더 {path}에서 열려 있습니다(다른 창이나 명령). 먼저 그쪽을 닫으세요. 한 폴더에서 두 개를 함께 쓰면 팀의 변경 내용이 뒤섞입니다.</translation>
    </message>
    <message>
        <source>The file cannot be opened ({detail}). Check that it still exists.</source>
        <translation>파일을 열 수 없습니다({detail}). 파일이 아직 있는지 확인해 주세요.</translation>
    </message>
    <message>
        <source>This is a spreadsheet (Excel) file. Open it in a spreadsheet program, save it as CSV, and import the CSV file.</source>
        <translation>엑셀 같은 스프레드시트 파일입니다. 스프레드시트 프로그램에서 열어 CSV로 저장한 뒤, 그 CSV 파일을 가져와 주세요.</translation>
    </message>
    <message>
        <source>Line {line}: the text is neither UTF-8 nor CP949 (EUC-KR). Save the file again in one of these encodings.</source>
        <translation>{line}번째 줄: 글자 인코딩이 UTF-8도 CP949(EUC-KR)도 아닙니다. 둘 중 하나로 다시 저장해 주세요.</translation>
    </message>
    <message>
        <source>The file is empty: it has no header row.</source>
        <translation>빈 파일입니다. 머리글 행이 없습니다.</translation>
    </message>
    <message>
        <source>Line {line}: this line cannot be read as CSV ({detail}).</source>
        <translation>{line}번째 줄: CSV 형식으로 읽을 수 없습니다({detail}).</translation>
    </message>
    <message>
        <source>Line {line}: the same column appears twice ({detail}).</source>
        <translation>{line}번째 줄: 같은 열이 두 번 나옵니다({detail}).</translation>
    </message>
    <message>
        <source>Line {line}: the number of fields differs from the header ({detail}). The file may be cut off or have a stray comma or quote.</source>
        <translation>{line}번째 줄: 항목 수가 머리글과 다릅니다({detail}). 파일이 중간에 잘렸거나 쉼표나 따옴표가 잘못 들어갔을 수 있습니다.</translation>
    </message>
    <message>
        <source>Line {line}: cannot tell which DUR list this file is. Choose the list type and import again.</source>
        <translation>{line}번째 줄: 어떤 DUR 목록인지 알 수 없습니다. 목록 종류를 골라 다시 가져와 주세요.</translation>
    </message>
    <message>
        <source>Line {line}: a required column is missing ({detail}). The README lists the column titles that are recognised.</source>
        <translation>{line}번째 줄: 꼭 필요한 열이 없습니다({detail}). 인식하는 열 이름은 README에 있습니다.</translation>
    </message>
    <message>
        <source>Line {line}: unexpected value ({detail}).</source>
        <translation>{line}번째 줄: 알 수 없는 값입니다({detail}).</translation>
    </message>
    <message>
        <source>Line {line}: this row belongs to another DUR list ({detail}). Check the list type.</source>
        <translation>{line}번째 줄: 다른 DUR 목록의 행입니다({detail}). 목록 종류를 확인해 주세요.</translation>
    </message>
    <message>
        <source>Line {line}: a required value is empty ({detail}).</source>
        <translation>{line}번째 줄: 꼭 필요한 값이 비어 있습니다({detail}).</translation>
    </message>
    <message>
        <source>The file was read, but none of its rows gives a usable rule (all are deleted rows or combination products). Nothing was changed.</source>
        <translation>파일은 읽었지만 쓸 수 있는 규칙이 없습니다(모두 삭제된 행이거나 복합제입니다). 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>The rules of this file clash with the rules in use ({detail}).</source>
        <translation>이 파일의 규칙이 사용 중인 규칙과 겹칩니다({detail}).</translation>
    </message>
    <message>
        <source>Sync failed ({detail}).</source>
        <translation>동기화하지 못했습니다 ({detail}).</translation>
    </message>
    <message>
        <source>Cannot reach the shared folder: {path} ({detail}). Nothing was changed on this computer; the next sync continues where this one stopped.</source>
        <translation>공유 폴더에 연결할 수 없습니다: {path} ({detail}). 이 컴퓨터에서는 아무것도 바뀌지 않았고, 다음 동기화 때 멈춘 곳부터 이어서 합니다.</translation>
    </message>
    <message>
        <source>The team file {path} is damaged or is not a ConsultDesk team file.</source>
        <translation>팀 파일 {path}이(가) 손상되었거나 ConsultDesk 팀 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>The team folder was made by a newer version of ConsultDesk. Update ConsultDesk on this computer.</source>
        <translation>이 팀 폴더는 더 새로운 버전의 ConsultDesk로 만들어졌습니다. 이 컴퓨터의 ConsultDesk를 업데이트하세요.</translation>
    </message>
    <message>
        <source>The team passphrase is wrong. Nothing was changed; try again.</source>
        <translation>팀 암호가 틀렸습니다. 아무것도 바뀌지 않았습니다. 다시 입력해 주세요.</translation>
    </message>
    <message>
        <source>The team passphrase needs at least {minimum} characters.</source>
        <translation>팀 암호는 {minimum}자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>The folder {path} holds a different team. Nothing was changed; choose this team&apos;s folder.</source>
        <translation>{path} 폴더에는 다른 팀이 있습니다. 아무것도 바뀌지 않았습니다. 이 팀의 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>This computer is not part of a team yet. Set up the team folder first.</source>
        <translation>이 컴퓨터는 아직 팀에 속해 있지 않습니다. 먼저 팀 공유 폴더를 설정하세요.</translation>
    </message>
    <message>
        <source>There is no ConsultDesk team in {path}. Choose the shared folder that holds the ConsultDesk folder, the ConsultDesk folder itself, or the team&apos;s folder inside it (the one with team.json). If the ConsultDesk folder is there but empty, wait until the sync program has copied the team to this computer, or create a team.</source>
        <translation>{path}에 ConsultDesk 팀이 없습니다. ConsultDesk 폴더가 들어 있는 공유 폴더, ConsultDesk 폴더 자체, 또는 그 안의 팀 폴더(team.json이 있는 폴더)를 고르세요. ConsultDesk 폴더는 있는데 비어 있다면 동기화 프로그램이 팀을 이 컴퓨터로 다 복사할 때까지 기다리거나, 새 팀을 만드세요.</translation>
    </message>
    <message>
        <source>{path} holds {teams} teams. Choose the folder of your team, one of these: {detail}.</source>
        <translation>{path}에 팀이 {teams}개 있습니다. 이 중 우리 팀의 폴더를 고르세요: {detail}.</translation>
    </message>
    <message>
        <source>This computer cannot retire itself; do it from another laptop of the team.</source>
        <translation>이 컴퓨터는 자기 자신을 팀에서 뺄 수 없습니다. 팀의 다른 컴퓨터에서 하세요.</translation>
    </message>
    <message>
        <source>No computer {detail} is in the team folder.</source>
        <translation>팀 폴더에 컴퓨터 {detail}가 없습니다.</translation>
    </message>
    <message>
        <source>This conflict was already resolved, or its record is no longer here.</source>
        <translation>이 충돌은 이미 해결되었거나, 해당 기록이 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>This value does not fit the field ({detail}).</source>
        <translation>이 값은 이 항목에 맞지 않습니다 ({detail}).</translation>
    </message>
    <message>
        <source>{detail} cannot be used as a file name in the shared folder.</source>
        <translation>{detail}은(는) 공유 폴더의 파일 이름으로 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>This computer&apos;s next change file is already in the shared folder, and files there are never overwritten. Was this computer&apos;s database restored from a backup? Nothing was sent; ask for help before syncing again.</source>
        <translation>이 컴퓨터가 다음에 보낼 변경 파일이 공유 폴더에 이미 있습니다. 공유 폴더의 파일은 절대 덮어쓰지 않습니다. 이 컴퓨터의 데이터베이스를 백업에서 복원했나요? 아무것도 보내지 않았습니다. 다시 동기화하기 전에 도움을 요청하세요.</translation>
    </message>
    <message>
        <source>The changes could not be written to the shared folder ({detail}). They stay on this computer and are sent next time.</source>
        <translation>변경 내용을 공유 폴더에 쓰지 못했습니다 ({detail}). 변경 내용은 이 컴퓨터에 남아 있고 다음 동기화 때 보냅니다.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>파일을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The file is incomplete; it may still be uploading. It is tried again later.</source>
        <translation>파일이 완전하지 않습니다. 아직 업로드 중일 수 있습니다. 나중에 다시 읽습니다.</translation>
    </message>
    <message>
        <source>The file is not a ConsultDesk change file.</source>
        <translation>ConsultDesk 변경 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>The file was written by a newer version of ConsultDesk. Update ConsultDesk on this computer.</source>
        <translation>더 새로운 버전의 ConsultDesk가 쓴 파일입니다. 이 컴퓨터의 ConsultDesk를 업데이트하세요.</translation>
    </message>
    <message>
        <source>The file belongs to another team.</source>
        <translation>다른 팀의 파일입니다.</translation>
    </message>
    <message>
        <source>The file was changed after it was written, or was written with another team passphrase. Nothing of it was used.</source>
        <translation>파일이 쓰인 뒤에 바뀌었거나 다른 팀 암호로 쓰였습니다. 이 파일의 내용은 하나도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>The content of the file is not a valid list of changes.</source>
        <translation>파일 내용이 올바른 변경 목록이 아닙니다.</translation>
    </message>
    <message>
        <source>The file is in the wrong place: its name or folder does not match its content.</source>
        <translation>파일이 잘못된 곳에 있습니다. 파일 이름이나 폴더가 내용과 맞지 않습니다.</translation>
    </message>
    <message>
        <source>The file does not follow the previous file of the same computer; it may have been replaced.</source>
        <translation>같은 컴퓨터의 이전 파일과 이어지지 않습니다. 파일이 바뀌었을 수 있습니다.</translation>
    </message>
    <message>
        <source>The file could not be read from the shared folder. It is tried again later.</source>
        <translation>공유 폴더에서 파일을 읽지 못했습니다. 나중에 다시 읽습니다.</translation>
    </message>
    <message>
        <source>A file the operating system keeps in folders; ignored.</source>
        <translation>운영체제가 폴더에 두는 파일이라 무시했습니다.</translation>
    </message>
    <message>
        <source>A copy made by the file sync program; ignored, the original is used.</source>
        <translation>파일 동기화 프로그램이 만든 사본이라 무시했습니다. 원본을 사용합니다.</translation>
    </message>
    <message>
        <source>A file still being copied or uploaded; ignored for now.</source>
        <translation>아직 복사나 업로드 중인 파일이라 지금은 무시했습니다.</translation>
    </message>
    <message>
        <source>A file ConsultDesk did not write; ignored.</source>
        <translation>ConsultDesk가 쓴 파일이 아니라 무시했습니다.</translation>
    </message>
    <message>
        <source>A folder ConsultDesk did not make; ignored.</source>
        <translation>ConsultDesk가 만든 폴더가 아니라 무시했습니다.</translation>
    </message>
    <message>
        <source>An earlier file of this computer has not arrived yet; waiting for it.</source>
        <translation>이 컴퓨터의 이전 파일이 아직 도착하지 않아 기다리고 있습니다.</translation>
    </message>
    <message>
        <source>The file is far larger than any change file ConsultDesk writes; it was not read.</source>
        <translation>ConsultDesk가 만드는 변경 파일보다 훨씬 큰 파일이라 읽지 않았습니다.</translation>
    </message>
    <message>
        <source>The value does not fit any field ConsultDesk has (too large or too nested).</source>
        <translation>ConsultDesk의 어떤 항목에도 맞지 않는 값입니다(너무 크거나 너무 깊게 중첩됨).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>파일이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Line {line}: the text is neither UTF-8 nor CP949 (EUC-KR). Save the file again as CSV in one of these encodings.</source>
        <translation>{line}번째 줄: 글자가 UTF-8도 CP949(EUC-KR)도 아닙니다. 둘 중 하나의 인코딩으로 CSV 파일을 다시 저장해 주세요.</translation>
    </message>
    <message>
        <source>Line {line}: this line cannot be read as CSV, for example a quote that is never closed. Save the file again as CSV from the spreadsheet program.</source>
        <translation>{line}번째 줄: CSV로 읽을 수 없습니다(예: 닫히지 않은 따옴표). 스프레드시트 프로그램에서 CSV로 다시 저장해 주세요.</translation>
    </message>
    <message>
        <source>The title row (line 1) has no column for the product name or for the ATC code: {content}. Name the columns 제품명 and ATC코드 (the README lists other titles).</source>
        <translation>제목 행(1번째 줄)에 제품명 열이나 ATC 코드 열이 없습니다: {content}. 열 제목을 제품명, ATC코드로 바꿔 주세요(다른 제목은 README에 있습니다).</translation>
    </message>
    <message>
        <source>The title row (line 1) has two columns for the same thing: {content}. Delete or rename one of them.</source>
        <translation>제목 행(1번째 줄)에 같은 내용의 열이 두 개 있습니다: {content}. 하나를 지우거나 제목을 바꿔 주세요.</translation>
    </message>
    <message>
        <source>Line {line} has more values than the title row has columns: {content}. A name with a comma must be in quotes.</source>
        <translation>{line}번째 줄의 값이 제목 행의 열보다 많습니다: {content}. 쉼표가 들어간 이름은 따옴표로 묶어야 합니다.</translation>
    </message>
    <message>
        <source>Line {line} has no product name: {content}.</source>
        <translation>{line}번째 줄에 제품명이 없습니다: {content}.</translation>
    </message>
    <message>
        <source>Line {line}: the ATC code is not a WHO ATC code of 7 characters like C08CA01: {content}.</source>
        <translation>{line}번째 줄: ATC 코드가 C08CA01처럼 7자리로 된 WHO ATC 코드가 아닙니다: {content}.</translation>
    </message>
    <message>
        <source>The file has a title row but no products.</source>
        <translation>제목 행만 있고 제품이 없습니다.</translation>
    </message>
    <message>
        <source>No consent to collect and use health information is recorded for this resident. Record it first.</source>
        <translation>이 내담자의 건강정보 수집·이용 동의가 기록되어 있지 않습니다. 먼저 동의를 기록하세요.</translation>
    </message>
    <message>
        <source>The resident refused consent to collect and use health information, so no new health information can be recorded. Earlier records stay readable.</source>
        <translation>내담자가 건강정보 수집·이용에 동의하지 않았으므로 새 건강정보를 기록할 수 없습니다. 이전 기록은 계속 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The resident withdrew consent to collect and use health information, so no new consultation can be recorded. Earlier records stay readable.</source>
        <translation>내담자가 건강정보 수집·이용 동의를 철회했으므로 새 상담을 기록할 수 없습니다. 이전 기록은 계속 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>No consent to share with the welfare centre is recorded. Record the resident&apos;s consent first.</source>
        <translation>복지관 개인정보 제3자 제공 동의가 기록되어 있지 않습니다. 먼저 내담자의 동의를 기록해 주세요.</translation>
    </message>
    <message>
        <source>The resident refused to share information with the welfare centre, so no referral sheet can be made.</source>
        <translation>내담자가 복지관에 개인정보를 제공하는 데 동의하지 않아 연계 의뢰서를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>The resident withdrew consent to share with the welfare centre, so no referral sheet can be made or sent.</source>
        <translation>내담자가 복지관 개인정보 제3자 제공 동의를 철회하여 연계 의뢰서를 만들거나 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Choose the resident&apos;s welfare centre first: a referral needs an addressee.</source>
        <translation>먼저 내담자의 복지관을 지정해 주세요. 의뢰서를 받을 곳이 필요합니다.</translation>
    </message>
    <message>
        <source>Enter the resident&apos;s birth date first: the referral sheet shows the age.</source>
        <translation>먼저 내담자의 생년월일을 입력해 주세요. 의뢰서에 나이가 표시됩니다.</translation>
    </message>
    <message>
        <source>This referral no longer exists.</source>
        <translation>이 의뢰는 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>No referral has the code {reference} on this computer. Check the code, or sync first if a teammate wrote it.</source>
        <translation>이 컴퓨터에는 {reference} 코드의 의뢰서가 없습니다. 코드를 확인하거나, 팀원이 작성한 것이라면 먼저 동기화하세요.</translation>
    </message>
    <message>
        <source>The backup is damaged ({detail}). Nothing was changed; choose another copy.</source>
        <translation>백업 파일이 손상되었습니다({detail}). 아무것도 바뀌지 않았습니다. 다른 백업을 고르세요.</translation>
    </message>
    <message>
        <source>The database on this computer has changes newer than the backup. Nothing was changed.</source>
        <translation>이 컴퓨터의 데이터베이스에 백업보다 새로운 변경 내용이 있습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>The backup was made by a newer version of ConsultDesk. Update ConsultDesk first.</source>
        <translation>이 백업은 더 새로운 버전의 ConsultDesk로 만들었습니다. 먼저 ConsultDesk를 업데이트하세요.</translation>
    </message>
    <message>
        <source>The database on this computer has another passphrase than the backup (it was changed after the backup was made). Nothing was changed.</source>
        <translation>이 컴퓨터의 데이터베이스는 백업과 암호가 다릅니다(백업한 뒤에 암호를 바꾸었습니다). 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>This step does not fit the referral as it stands now; the list was refreshed.</source>
        <translation>지금 의뢰 상태에서는 할 수 없는 단계입니다. 목록을 새로 고쳤습니다.</translation>
    </message>
    <message>
        <source>The date cannot be before {date}, the date of the step before.</source>
        <translation>이전 단계 날짜({date})보다 앞선 날짜는 입력할 수 없습니다.</translation>
    </message>
    <message>
        <source>Choose resolved or not resolved.</source>
        <translation>해결됨 또는 해결되지 않음을 선택해 주세요.</translation>
    </message>
    <message>
        <source>This resident has no consultation yet: record one first.</source>
        <translation>이 내담자는 아직 상담 기록이 없습니다. 먼저 상담을 기록해 주세요.</translation>
    </message>
    <message>
        <source>A finished consultation is never deleted: it stays in the record. Amend it if something needs correcting.</source>
        <translation>마친 상담은 삭제하지 않고 기록으로 남겨 둡니다. 바로잡을 내용이 있으면 ‘고치기’로 수정하세요.</translation>
    </message>
    <message>
        <source>This consultation cannot be deleted: the referral {reference} was made from it.</source>
        <translation>이 상담으로 만든 의뢰서({reference})가 있어 삭제할 수 없습니다.</translation>
    </message>
    <message>
        <source>The document cannot be made as it is ({detail}).</source>
        <translation>지금 내용으로는 문서를 만들 수 없습니다 ({detail}).</translation>
    </message>
    <message>
        <source>“{name}” cannot be deleted: it is still the welfare centre of {resident_names} ({residents} in all). Give them another welfare centre first.</source>
        <translation>“{name}” 복지관은 삭제할 수 없습니다. 이 복지관에 속한 내담자가 아직 {residents}명 있습니다({resident_names}). 먼저 이 내담자들의 복지관을 바꿔 주세요.</translation>
    </message>
    <message>
        <source>“{name}” cannot be deleted: its case workers are still listed ({case_worker_names}). Delete them first.</source>
        <translation>“{name}” 복지관은 삭제할 수 없습니다. 소속 사례담당자가 아직 등록되어 있습니다({case_worker_names}). 사례담당자를 먼저 삭제하세요.</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: they are still the case worker of {resident_names} ({residents} in all). Give them another case worker first.</source>
        <translation>사례담당자 {name} 님은 삭제할 수 없습니다. 이 사례담당자가 맡은 내담자가 아직 {residents}명 있습니다({resident_names}). 먼저 이 내담자들의 사례담당자를 바꿔 주세요.</translation>
    </message>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>문제가 생겼습니다 ({code}).</translation>
    </message>
</context>
<context>
    <name>ObservedRow</name>
    <message>
        <source>Change…</source>
        <translation>고치기…</translation>
    </message>
    <message>
        <source>Change the words, the severity or the services</source>
        <translation>내용, 정도, 연계할 서비스를 고칩니다</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>OpenFlagsSummary</name>
    <message>
        <source>No consultation recorded yet.</source>
        <translation>아직 기록된 상담이 없습니다.</translation>
    </message>
    <message>
        <source>No open risk flags in the latest consultation.</source>
        <translation>최근 상담에서 검토할 위험 신호가 없습니다.</translation>
    </message>
    <message>
        <source>Open risk flags in the latest consultation: {count}</source>
        <translation>최근 상담에서 검토할 위험 신호: {count}건</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>외 {count}건</translation>
    </message>
</context>
<context>
    <name>ProductImportDialog</name>
    <message>
        <source>Import a product list</source>
        <translation>제품 목록 가져오기</translation>
    </message>
    <message>
        <source>Import a product list you downloaded (for example the HIRA drug master or an MFDS product list) as a CSV file in CP949 or UTF-8. The medicine search then also finds product names, and a product fills in all its ingredients. The file needs a product name column (제품명) and an ATC code column (ATC코드). A product imported again is replaced by the newer file.</source>
        <translation>내려받은 제품 목록(예: 심평원 약제급여목록, 식약처 제품 목록)을 CP949 또는 UTF-8 CSV 파일로 가져옵니다. 가져오면 약 이름 검색에서 제품명도 찾을 수 있고, 제품을 고르면 모든 성분이 채워집니다. 파일에는 제품명 열(제품명)과 ATC 코드 열(ATC코드)이 있어야 합니다. 같은 제품을 다시 가져오면 새 파일의 내용으로 바뀝니다.</translation>
    </message>
    <message>
        <source>Remove imported products</source>
        <translation>가져온 제품 지우기</translation>
    </message>
    <message>
        <source>Products imported: {count}.</source>
        <translation>가져온 제품: {count}개</translation>
    </message>
    <message numerus="yes">
        <source>No product list imported yet: the search finds the %Ln ingredient(s) of the bundled catalog.</source>
        <translation>
            <numerusform>아직 가져온 제품 목록이 없습니다. 검색은 기본 목록의 성분 %Ln개에서 찾습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>제품 %Ln개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %Ln imported product(s)? The search then finds the ingredients of the bundled catalog only. Medicines already recorded keep their names and ingredients.</source>
        <translation>
            <numerusform>가져온 제품 %Ln개를 지울까요? 그 뒤로는 기본 목록의 성분만 검색됩니다. 이미 기록한 약의 이름과 성분은 그대로 남습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a product list</source>
        <translation>제품 목록 선택</translation>
    </message>
    <message numerus="yes">
        <source>{file}: {products} imported from %Ln row(s).</source>
        <translation>
            <numerusform>{file}: %Ln행에서 {products}를 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows merged because the product name came again: {merged}. Combination products (several ingredients): {combinations}.</source>
        <translation>같은 제품명이 다시 나와 합친 행: {merged}. 복합제(성분이 여러 개인 제품): {combinations}.</translation>
    </message>
    <message>
        <source>Products that replace the same name from an earlier list: {n}.</source>
        <translation>이전 목록과 이름이 같아 새 내용으로 바뀐 제품: {n}.</translation>
    </message>
    <message>
        <source>Products without an ATC code: {n}. They are found by name, but the risk checks cannot see their ingredients.</source>
        <translation>ATC 코드가 없는 제품: {n}. 이름으로는 찾을 수 있지만 위험 점검에서는 성분을 확인할 수 없습니다.</translation>
    </message>
    <message>
        <source>Columns not used: {columns}.</source>
        <translation>사용하지 않은 열: {columns}.</translation>
    </message>
    <message>
        <source>Nothing was imported; the products imported before stay.</source>
        <translation>아무것도 가져오지 않았습니다. 전에 가져온 제품은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>The imported products were removed.</source>
        <translation>가져온 제품을 지웠습니다.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Pharmacist profile</source>
        <translation>약사 정보</translation>
    </message>
    <message>
        <source>Your name and contact appear on the documents you print and name you in the access log. They are kept on this computer only.</source>
        <translation>이름과 연락처는 출력하는 문서에 들어가며, 접근 기록에는 작업한 사람으로 남습니다. 이 정보는 이 컴퓨터에만 저장됩니다.</translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <source>Clear</source>
        <translation>선택 해제</translation>
    </message>
    <message>
        <source>Leave this question unanswered</source>
        <translation>이 질문을 답하지 않은 상태로 둡니다</translation>
    </message>
</context>
<context>
    <name>RecoverPrompt</name>
    <message>
        <source>Unfinished consultation</source>
        <translation>작성 중이던 상담</translation>
    </message>
    <message>
        <source>ConsultDesk stopped while a consultation was open: {name}, visit {n} ({day}). Everything typed until a second before was saved. Continue it now?</source>
        <translation>상담을 작성하던 중에 프로그램이 멈췄습니다: {name}, {n}회차 ({day}). 멈추기 1초 전까지 입력한 내용은 모두 저장되어 있습니다. 지금 이어서 작성할까요?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>이어서 작성</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
</context>
<context>
    <name>ReferralTableModel</name>
    <message>
        <source>Reference</source>
        <translation>문서번호</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>내담자</translation>
    </message>
    <message>
        <source>Welfare centre · case worker</source>
        <translation>복지관 · 사례담당자</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>경과</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>확인 필요</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message numerus="yes">
        <source>No reply for more than %n day(s): call the case worker</source>
        <translation>
            <numerusform>%n일 넘게 회신 없음: 사례담당자에게 연락해 주세요</numerusform>
        </translation>
    </message>
    <message>
        <source>{outcome}: {reason}</source>
        <translation>{outcome}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n일</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>아직 보내지 않음</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <source>Referrals to welfare centres</source>
        <translation>복지관 연계 의뢰</translation>
    </message>
    <message>
        <source>Open referrals</source>
        <translation>진행 중인 의뢰</translation>
    </message>
    <message>
        <source>Closed referrals</source>
        <translation>종결된 의뢰</translation>
    </message>
    <message>
        <source>All referrals</source>
        <translation>모든 의뢰</translation>
    </message>
    <message>
        <source>Which referrals to list</source>
        <translation>목록에 보일 의뢰</translation>
    </message>
    <message>
        <source>Find by reference, resident or centre</source>
        <translation>문서번호, 내담자, 복지관으로 찾기</translation>
    </message>
    <message>
        <source>Mark sent…</source>
        <translation>발송 기록…</translation>
    </message>
    <message>
        <source>Record reply…</source>
        <translation>회신 기록…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>종결…</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>임시 의뢰서 삭제</translation>
    </message>
    <message>
        <source>Export sheets…</source>
        <translation>의뢰서 내보내기…</translation>
    </message>
    <message>
        <source>Write the referral sheets of the selected rows (or of all drafts) at once</source>
        <translation>선택한 의뢰(선택이 없으면 모든 임시 의뢰)의 의뢰서를 한꺼번에 저장합니다</translation>
    </message>
    <message numerus="yes">
        <source>%n open referral(s)</source>
        <translation>
            <numerusform>진행 중인 의뢰 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{overdue} without a reply after %n day(s)</source>
        <translation>
            <numerusform>%n일 넘게 회신 없음 {overdue}건</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the draft referral {reference}? It was never sent.</source>
        <translation>임시 의뢰서 {reference}를 삭제할까요? 아직 보내지 않은 의뢰입니다.</translation>
    </message>
    <message>
        <source>Save the sheets in</source>
        <translation>의뢰서를 저장할 폴더</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Reply from the case worker</source>
        <translation>사례담당자 회신</translation>
    </message>
    <message>
        <source>Needed when it could not be linked</source>
        <translation>연계하지 못했을 때 적어 주세요</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>의뢰</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>받은 날</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>조치 내용</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>연계 결과</translation>
    </message>
    <message>
        <source>Why it could not be linked</source>
        <translation>연계하지 못한 이유</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>사례담당자</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>New resident</source>
        <translation>새 내담자</translation>
    </message>
    <message>
        <source>Edit resident</source>
        <translation>내담자 정보 수정</translation>
    </message>
    <message>
        <source>1948-03-05, or the year alone: 1944</source>
        <translation>1948-03-05, 또는 연도만: 1944</translation>
    </message>
    <message>
        <source>When the registered birthday is not the real one, type only the birth year (about): the age is then counted from the middle of that year.</source>
        <translation>등록된 생일이 실제와 다르면 출생 연도만 적으세요(대략). 나이는 그해 한가운데를 기준으로 셉니다.</translation>
    </message>
    <message>
        <source>e.g. Seoul Gwanak-gu (district only)</source>
        <translation>예: 서울 관악구 (구 단위까지만)</translation>
    </message>
    <message>
        <source>e.g. hypertension, diabetes</source>
        <translation>예: 고혈압, 당뇨병</translation>
    </message>
    <message>
        <source>Allergies and past adverse reactions</source>
        <translation>알레르기와 과거 약물 이상반응</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>District</source>
        <translation>지역(구)</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>거주 형태</translation>
    </message>
    <message>
        <source>Welfare centre</source>
        <translation>복지관</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>사례담당자</translation>
    </message>
    <message>
        <source>Chronic conditions</source>
        <translation>만성질환</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>알레르기·이상반응</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>About {age} (only the birth year is known)</source>
        <translation>만 {age}세쯤 (출생 연도만 앎)</translation>
    </message>
    <message>
        <source>Age {age} (full years, 만 나이)</source>
        <translation>만 {age}세</translation>
    </message>
</context>
<context>
    <name>ResidentPanel</name>
    <message>
        <source>Edit…</source>
        <translation>수정…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Delete this resident (Delete key in the list)</source>
        <translation>이 내담자 삭제 (목록에서 Delete 키)</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>기록…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>철회…</translation>
    </message>
    <message>
        <source>Choose a resident in the list, or add a new one.</source>
        <translation>목록에서 내담자를 고르거나 새 내담자를 등록하세요.</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <source>born about {year} (age about {age})</source>
        <translation>{year}년생쯤 (만 {age}세쯤)</translation>
    </message>
    <message>
        <source>{date} (age {age})</source>
        <translation>{date} (만 {age}세)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>District</source>
        <translation>지역(구)</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>거주 형태</translation>
    </message>
    <message>
        <source>Welfare centre</source>
        <translation>복지관</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>사례담당자</translation>
    </message>
    <message>
        <source>Chronic conditions</source>
        <translation>만성질환</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>알레르기·이상반응</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>witness: {name}</source>
        <translation>입회인: {name}</translation>
    </message>
    <message>
        <source>withdrawn {date}</source>
        <translation>{date} 철회</translation>
    </message>
    <message>
        <source>{name} (born {date})</source>
        <translation>{name} ({date} 생)</translation>
    </message>
    <message>
        <source>Delete the resident {who}?

Their consultations, consents and referrals will no longer be listed, on this computer and, after the next sync, on the team&apos;s.</source>
        <translation>내담자 {who} 님을 삭제할까요?

이 내담자의 상담, 동의, 의뢰 기록이 이 컴퓨터에서, 그리고 다음 동기화 후에는 팀의 다른 컴퓨터에서도 더 이상 보이지 않습니다.</translation>
    </message>
    <message>
        <source>Delete resident</source>
        <translation>내담자 삭제</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n세</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>나이(만)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>District</source>
        <translation>지역(구)</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>거주 형태</translation>
    </message>
    <message>
        <source>Welfare centre</source>
        <translation>복지관</translation>
    </message>
</context>
<context>
    <name>ResidentsView</name>
    <message>
        <source>Search by name, phone or initials (ㄱㅁㅅ)  —  Ctrl+F</source>
        <translation>이름, 전화번호, 초성(ㄱㅁㅅ)으로 찾기  —  Ctrl+F</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>새 내담자</translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %Ln resident(s) — type to narrow the list</source>
        <translation>
            <numerusform>내담자 %Ln명 중 {shown}명 표시 — 검색어를 입력해 좁혀 보세요</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln resident(s)</source>
        <translation>
            <numerusform>내담자 %Ln명</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>백업에서 복원</translation>
    </message>
    <message>
        <source>This replaces the database on this computer ({residents} residents, last changed {changed}) with the backup {file} (made {made}). Everything recorded here after that backup was made is no longer on this computer; what was sent to the team comes back with the next sync. The current database is kept in the backups folder first. ConsultDesk closes when the restore is done: start it again.</source>
        <translation>이 컴퓨터의 데이터베이스(내담자 {residents}명, 마지막 변경 {changed})를 백업 {file}({made}에 만듦)로 바꿉니다. 그 백업을 만든 뒤 여기서 기록한 내용은 이 컴퓨터에서 사라지고, 팀에 보낸 내용은 다음 동기화 때 돌아옵니다. 지금 데이터베이스는 먼저 backups 폴더에 보관합니다. 복원이 끝나면 ConsultDesk가 닫히니 다시 시작하세요.</translation>
    </message>
    <message>
        <source>The backup&apos;s passphrase</source>
        <translation>백업의 암호</translation>
    </message>
    <message>
        <source>Replace it even if this computer has newer changes</source>
        <translation>이 컴퓨터에 더 새로운 변경 내용이 있어도 바꾸기</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>The passphrase in use when the backup was made.</source>
        <translation>백업을 만들 때 쓰던 암호입니다.</translation>
    </message>
    <message>
        <source>Enter the backup&apos;s passphrase.</source>
        <translation>백업의 암호를 입력하세요.</translation>
    </message>
    <message>
        <source>ConsultDesk backups (*.db)</source>
        <translation>ConsultDesk 백업 (*.db)</translation>
    </message>
    <message>
        <source>Restored from {file}. The database it replaced is kept as {kept}. ConsultDesk closes now: start it again, then sync to get the team&apos;s changes.</source>
        <translation>{file}에서 복원했습니다. 원래 있던 데이터베이스는 {kept}에 보관했습니다. 이제 ConsultDesk가 닫힙니다. 다시 시작한 뒤 동기화해서 팀의 변경 내용을 받으세요.</translation>
    </message>
</context>
<context>
    <name>ScreeningPanel</name>
    <message>
        <source>Ask in your own words; any question may be skipped. Form: {title} ({version})</source>
        <translation>편한 말로 물어보세요. 어느 질문이든 건너뛸 수 있습니다. 질문지: {title} ({version})</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>주거</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>식생활</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>경제 상황</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>공과금·냉난방</translation>
    </message>
    <message>
        <source>Transport to care</source>
        <translation>병원 이동</translation>
    </message>
    <message>
        <source>Social contact</source>
        <translation>사회적 관계</translation>
    </message>
    <message>
        <source>Loneliness</source>
        <translation>외로움</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>안전</translation>
    </message>
    <message>
        <source>Help at home</source>
        <translation>일상생활 도움</translation>
    </message>
    <message>
        <source>Reading and understanding</source>
        <translation>읽기와 이해</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>기억력</translation>
    </message>
    <message>
        <source>Cost of medicines</source>
        <translation>약값 부담</translation>
    </message>
    <message>
        <source>What I observed</source>
        <translation>약사 관찰</translation>
    </message>
    <message>
        <source>e.g. the fridge was empty; the stairs have no handrail</source>
        <translation>예: 냉장고가 비어 있음, 계단에 손잡이가 없음</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Keep the observation as it was</source>
        <translation>관찰 내용을 고치지 않고 그대로 둡니다</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Services to suggest (optional)</source>
        <translation>제안할 연계 서비스 (선택)</translation>
    </message>
    <message>
        <source>This observation is already listed.</source>
        <translation>이미 적어 둔 관찰입니다.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>변경 저장</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Backed up to {file}.</source>
        <translation>{file}에 백업했습니다.</translation>
    </message>
    <message>
        <source>A copy is in {file} too.</source>
        <translation>{file}에도 사본을 두었습니다.</translation>
    </message>
    <message>
        <source>The second backup folder {folder} is not there (is the USB stick plugged in?), so it got no copy.</source>
        <translation>두 번째 백업 폴더 {folder}가 없어서(USB 메모리가 꽂혀 있나요?) 사본을 두지 못했습니다.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>시스템 설정을 따름</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Edit pharmacist profile…</source>
        <translation>약사 정보 수정…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>약사 정보</translation>
    </message>
    <message>
        <source>The window is redrawn in the new language at once.</source>
        <translation>저장하면 바로 새 언어로 화면이 바뀝니다.</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>After this many minutes without a key or mouse, ConsultDesk locks itself.</source>
        <translation>키보드나 마우스를 이 시간 동안 쓰지 않으면 ConsultDesk가 저절로 잠깁니다.</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>자동 잠금 시간</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>암호 바꾸기…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>암호</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>지금 백업</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>백업</translation>
    </message>
    <message>
        <source>None (only the data folder&apos;s backups)</source>
        <translation>없음 (데이터 폴더의 backups에만)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>고르기…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>두 번째 백업 폴더</translation>
    </message>
    <message>
        <source>A USB stick, for example: each backup, and the daily one when ConsultDesk closes, is copied there too while it is plugged in.</source>
        <translation>예를 들어 USB 메모리: 꽂혀 있는 동안에는 지금 백업과 ConsultDesk를 닫을 때 만드는 매일 백업이 그곳에도 복사됩니다.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>백업하는 중…</translation>
    </message>
    <message>
        <source>The passphrase is changed. Use the new one from now on. The backup made before, under the old passphrase, is {file}.</source>
        <translation>암호를 바꿨습니다. 이제부터 새 암호를 쓰세요. 바꾸기 전에 이전 암호로 만든 백업은 {file}입니다.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>지금 백업(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>백업에서 복원(&amp;R)…</translation>
    </message>
    <message>
        <source>Chan&amp;ge passphrase…</source>
        <translation>암호 바꾸기(&amp;G)…</translation>
    </message>
    <message>
        <source>The passphrase is changed. Use the new one from now on.</source>
        <translation>암호를 바꿨습니다. 이제부터 새 암호를 쓰세요.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up ConsultDesk</source>
        <translation>복약상담 데스크 설정</translation>
    </message>
    <message>
        <source>Welcome. ConsultDesk keeps residents&apos; health information encrypted on this computer. Choose a passphrase: it opens the data, and it cannot be recovered if it is lost.</source>
        <translation>환영합니다. 복약상담 데스크는 내담자의 건강정보를 이 컴퓨터에 암호화하여 보관합니다. 암호를 정해 주세요. 이 암호로 자료를 열며, 잊어버리면 되찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>암호</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>암호 확인</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>만들기</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>ConsultDesk</source>
        <translation>ConsultDesk</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Resident</source>
        <translation>내담자</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <source>Welfare centre</source>
        <translation>복지관</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>사례담당자</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>복약상담</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>복용 약</translation>
    </message>
    <message>
        <source>Drug-related problem</source>
        <translation>약물 관련 문제</translation>
    </message>
    <message>
        <source>Risk flag decision</source>
        <translation>위험 신호 판단</translation>
    </message>
    <message>
        <source>Earlier version of a consultation</source>
        <translation>복약상담의 이전 판</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>연계 의뢰서</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>함량</translation>
    </message>
    <message>
        <source>Dose in the morning</source>
        <translation>아침 복용량</translation>
    </message>
    <message>
        <source>Dose at noon</source>
        <translation>점심 복용량</translation>
    </message>
    <message>
        <source>Dose in the evening</source>
        <translation>저녁 복용량</translation>
    </message>
    <message>
        <source>Dose at bedtime</source>
        <translation>취침 전 복용량</translation>
    </message>
    <message>
        <source>Dose when needed</source>
        <translation>필요시 복용량</translation>
    </message>
    <message>
        <source>Medicine name</source>
        <translation>약 이름</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>동의 여부</translation>
    </message>
    <message>
        <source>Date of the decision</source>
        <translation>결정한 날짜</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>동의 방법</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>입회인</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>철회한 날짜</translation>
    </message>
    <message>
        <source>Kind of consent</source>
        <translation>동의 종류</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>District</source>
        <translation>지역(구)</translation>
    </message>
    <message>
        <source>Living situation</source>
        <translation>거주 형태</translation>
    </message>
    <message>
        <source>Chronic conditions</source>
        <translation>만성질환</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>알레르기·이상반응</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>상담 내용</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>관찰 내용</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>추후 계획</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>다음 방문일</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>방문일</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>복용 목적</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>처방처</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>복약 이행</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>중재</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Pharmacist&apos;s opinion</source>
        <translation>약사 의견</translation>
    </message>
    <message>
        <source>State</source>
        <translation>진행 상태</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>The record was deleted</source>
        <translation>기록이 삭제됨</translation>
    </message>
    <message>
        <source>{field} was changed to: {value}</source>
        <translation>{field}을(를) 다음과 같이 고침: {value}</translation>
    </message>
    <message>
        <source>this computer, {time}</source>
        <translation>이 컴퓨터, {time}</translation>
    </message>
    <message>
        <source>computer {device}, {time}</source>
        <translation>컴퓨터 {device}, {time}</translation>
    </message>
</context>
<context>
    <name>SyncReportDialog</name>
    <message>
        <source>Sync report</source>
        <translation>동기화 결과</translation>
    </message>
    <message>
        <source>The sync did not run: {reason}</source>
        <translation>동기화하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>자세한 내용</translation>
    </message>
    <message>
        <source>Sent: {changes} in {bundles}.</source>
        <translation>보냄: {bundles}에 담은 {changes}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>변경 %Ln건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>파일 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>Received: {bundles} from the team, {changes} applied.</source>
        <translation>받음: 팀의 {bundles}, 반영한 {changes}</translation>
    </message>
    <message>
        <source>New conflicts to look at: {count}.</source>
        <translation>새로 확인할 충돌: {count}건</translation>
    </message>
    <message>
        <source>Files skipped: {count} (nothing was deleted).</source>
        <translation>건너뛴 파일: {count}개 (삭제한 것은 없습니다)</translation>
    </message>
    <message>
        <source>Files ignored as before: {count} (see Files we ignore).</source>
        <translation>전처럼 무시한 파일: {count}개 (&apos;무시하는 파일&apos;에서 볼 수 있습니다).</translation>
    </message>
    <message>
        <source>This computer had been away so long that the team folder no longer held everything it missed. It caught up from a team snapshot (computer {device}); the changes made here that were not sent yet were kept and sent.</source>
        <translation>이 컴퓨터가 오래 동기화하지 않아, 그동안 놓친 파일이 팀 폴더에 모두 남아 있지 않았습니다. 팀 스냅숏(컴퓨터 {device})으로 따라잡았고, 이 컴퓨터에서 아직 보내지 않은 변경 사항은 그대로 두었다가 보냈습니다.</translation>
    </message>
    <message>
        <source>This computer started from a team snapshot (computer {device}): {records} taken from it.</source>
        <translation>이 컴퓨터는 팀 스냅숏(컴퓨터 {device})에서 {records}을 받아 시작했습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>기록 %Ln건</numerusform>
        </translation>
    </message>
    <message>
        <source>The team folder no longer holds everything this computer missed. It waits for a team snapshot to catch up from; nothing made here is lost. Keep the other computers syncing, or ask one to sync now.</source>
        <translation>이 컴퓨터가 놓친 파일이 팀 폴더에 모두 남아 있지 않습니다. 따라잡을 팀 스냅숏을 기다리는 중이며, 이 컴퓨터에서 만든 내용은 잃지 않습니다. 다른 컴퓨터에서 계속 동기화하거나, 지금 동기화해 달라고 요청하세요.</translation>
    </message>
    <message>
        <source>Nothing was sent: {reason}</source>
        <translation>아무것도 보내지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Everything was already up to date.</source>
        <translation>모두 이미 최신 상태입니다.</translation>
    </message>
    <message>
        <source>Skipped {file}: {reason}</source>
        <translation>건너뜀 {file}: {reason}</translation>
    </message>
    <message>
        <source>Computer {device}, file {seq}: a change to {field} was not kept: {reason}</source>
        <translation>컴퓨터 {device}, 파일 {seq}: {field} 변경을 저장하지 않았습니다: {reason}</translation>
    </message>
    <message>
        <source>Computer {device}: its file {seq} and some after it were cleared from the team folder; waiting for a team snapshot.</source>
        <translation>컴퓨터 {device}: {seq}번 파일과 그 뒤 일부 파일이 팀 폴더에서 정리되었습니다. 팀 스냅숏을 기다리는 중입니다.</translation>
    </message>
    <message>
        <source>Computer {device}: waiting for its file {seq}.</source>
        <translation>컴퓨터 {device}: {seq}번 파일을 기다리는 중입니다.</translation>
    </message>
    <message>
        <source>Removed {count} of this computer&apos;s own files from the team folder: every other computer has them.</source>
        <translation>이 컴퓨터의 파일 {count}개를 팀 폴더에서 정리했습니다. 다른 컴퓨터가 모두 이미 받았습니다.</translation>
    </message>
    <message>
        <source>The folder of computer {device} is missing or empty. Nothing was deleted here; check the shared folder.</source>
        <translation>컴퓨터 {device}의 폴더가 없거나 비어 있습니다. 이 컴퓨터에서는 아무것도 삭제하지 않았습니다. 공유 폴더를 확인하세요.</translation>
    </message>
    <message>
        <source>Computer {device} made changes dated in the future. Check its date and time settings.</source>
        <translation>컴퓨터 {device}의 변경 시각이 미래로 되어 있습니다. 그 컴퓨터의 날짜와 시간 설정을 확인하세요.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync now</source>
        <translation>지금 동기화</translation>
    </message>
    <message>
        <source>Not syncing with a team</source>
        <translation>팀과 동기화하지 않음</translation>
    </message>
    <message>
        <source>Reading the sync status…</source>
        <translation>동기화 상태를 확인하는 중…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>동기화한 적 없음</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>마지막 동기화 {time}</translation>
    </message>
    <message>
        <source>shared folder not reachable</source>
        <translation>공유 폴더에 연결할 수 없음</translation>
    </message>
    <message>
        <source>last sync failed</source>
        <translation>마지막 동기화 실패</translation>
    </message>
    <message>
        <source>{count} waiting to be sent</source>
        <translation>보낼 변경 {count}건</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>충돌 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>동기화 중…</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>Team</source>
        <translation>팀</translation>
    </message>
    <message>
        <source>Set up the team folder…</source>
        <translation>팀 공유 폴더 설정…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>지금 동기화</translation>
    </message>
    <message>
        <source>Files we ignore…</source>
        <translation>무시하는 파일…</translation>
    </message>
    <message>
        <source>Computers in the team…</source>
        <translation>팀의 컴퓨터…</translation>
    </message>
    <message>
        <source>Reading the sync status…</source>
        <translation>동기화 상태를 확인하는 중…</translation>
    </message>
    <message>
        <source>This computer is not part of a team. Set up the team folder to share.</source>
        <translation>이 컴퓨터는 팀에 속해 있지 않습니다. 함께 쓰려면 팀 공유 폴더를 설정하세요.</translation>
    </message>
    <message>
        <source>Team {name} · folder {folder}</source>
        <translation>팀 {name} · 폴더 {folder}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>Last successful sync: {time}</source>
        <translation>마지막으로 동기화에 성공한 때: {time}</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {count}</source>
        <translation>보낼 변경: {count}건</translation>
    </message>
    <message>
        <source>Open conflicts: {count} (a decision is needed for {person})</source>
        <translation>해결되지 않은 충돌: {count}건 (직접 정해야 하는 것 {person}건)</translation>
    </message>
</context>
<context>
    <name>TeamDevicesDialog</name>
    <message>
        <source>Computers in the team</source>
        <translation>팀의 컴퓨터</translation>
    </message>
    <message>
        <source>Retire a computer that was lost, stolen or replaced: its changes stay, its folder stays, and no computer of the team waits for it any more. Its own database stays protected by its own passphrase. If it may be in someone else&apos;s hands, also start a new team folder with a new team passphrase.</source>
        <translation>잃어버렸거나 도난당했거나 바꾼 컴퓨터는 팀에서 빼세요. 그 컴퓨터의 변경 내용과 폴더는 그대로 남고, 팀의 다른 컴퓨터는 더 이상 그 컴퓨터를 기다리지 않습니다. 그 컴퓨터의 데이터베이스는 그 컴퓨터의 암호로 계속 보호됩니다. 다른 사람 손에 있을 수 있다면 새 팀 암호로 새 팀 폴더도 만드세요.</translation>
    </message>
    <message>
        <source>Retire this computer…</source>
        <translation>이 컴퓨터를 팀에서 빼기…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>name not known yet</source>
        <translation>이름을 아직 모름</translation>
    </message>
    <message>
        <source>Computer {device} ({who})</source>
        <translation>컴퓨터 {device} ({who})</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>files up to {seq}</source>
        <translation>파일 {seq}번까지</translation>
    </message>
    <message>
        <source>retired on {day}</source>
        <translation>{day}에 팀에서 뺌</translation>
    </message>
    <message>
        <source>Retire a computer</source>
        <translation>컴퓨터를 팀에서 빼기</translation>
    </message>
    <message>
        <source>Retire computer {device}? Its changes stay on every laptop, and no computer of the team waits for it or reports its folder missing any more.</source>
        <translation>컴퓨터 {device}를 팀에서 뺄까요? 그 컴퓨터의 변경 내용은 모든 컴퓨터에 남고, 팀의 어느 컴퓨터도 더 이상 그 컴퓨터를 기다리거나 폴더가 없다고 알리지 않습니다.</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>팀에서 빼기</translation>
    </message>
    <message>
        <source>Computer {device} is retired.</source>
        <translation>컴퓨터 {device}를 팀에서 뺐습니다.</translation>
    </message>
</context>
<context>
    <name>TeamSetupDialog</name>
    <message>
        <source>Team shared folder</source>
        <translation>팀 공유 폴더</translation>
    </message>
    <message>
        <source>Laptops of one team exchange their changes through a shared folder (a NAS, OneDrive, Google Drive, Syncthing…). Only encrypted files go there; the database stays on this computer.</source>
        <translation>한 팀의 컴퓨터들은 공유 폴더(NAS, OneDrive, Google Drive, Syncthing 등)를 통해 변경 내용을 주고받습니다. 공유 폴더에는 암호화된 파일만 올라가고, 데이터베이스는 이 컴퓨터에 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Join the team in this folder</source>
        <translation>이 폴더의 팀에 참여</translation>
    </message>
    <message>
        <source>Start a new team in this folder</source>
        <translation>이 폴더에 새 팀 만들기</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>공유 폴더</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>팀 이름</translation>
    </message>
    <message>
        <source>Team passphrase</source>
        <translation>팀 암호</translation>
    </message>
    <message>
        <source>Team passphrase again</source>
        <translation>팀 암호 확인</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Choose the shared folder.</source>
        <translation>공유 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Give the team a name.</source>
        <translation>팀 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Checking the team passphrase…</source>
        <translation>팀 암호를 확인하는 중…</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>New consultation</source>
        <translation>새 상담</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Compare two…</source>
        <translation>두 회차 비교…</translation>
    </message>
    <message>
        <source>Select two consultations (Ctrl+click) to compare</source>
        <translation>비교할 두 회차를 고르세요 (Ctrl+클릭)</translation>
    </message>
    <message>
        <source>Delete the selected unfinished consultation (a finished one is amended instead)</source>
        <translation>선택한 작성 중 상담을 삭제합니다 (마친 상담은 삭제하지 않고 고칩니다)</translation>
    </message>
    <message>
        <source>{date} · visit {n} · {place} · {medicines}, {problems} · {status}</source>
        <translation>{date} · {n}회차 · {place} · {medicines}, {problems} · {status}</translation>
    </message>
    <message>
        <source>Delete this unfinished consultation?

{session}

Its medicines, problems and flag decisions go with it, on this computer and, after the next sync, on the team&apos;s.</source>
        <translation>작성 중인 이 상담을 삭제할까요?

{session}

상담에 적은 약, 약물 관련 문제, 경고 판단도 함께 삭제됩니다. 다음 동기화 후에는 팀의 다른 컴퓨터에서도 삭제됩니다.</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>상담 삭제…</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>상담 기록</translation>
    </message>
    <message numerus="yes">
        <source>%n medicine(s)</source>
        <translation>
            <numerusform>약 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>문제 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>작성 중 상담 삭제</translation>
    </message>
    <message>
        <source>(amended)</source>
        <translation>(고침)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock ConsultDesk</source>
        <translation>복약상담 데스크 열기</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>암호</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Enter the passphrase to open the residents&apos; records.</source>
        <translation>내담자 기록을 열려면 암호를 입력하세요.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>여는 중…</translation>
    </message>
    <message>
        <source>Updating the database for this version of ConsultDesk, after a backup. With many records this takes a few minutes. If ConsultDesk is closed meanwhile, nothing is lost: the update starts again the next time.</source>
        <translation>새 버전에 맞게 데이터베이스를 바꾸는 중입니다(먼저 백업합니다). 기록이 많으면 몇 분 걸립니다. 그동안 프로그램을 닫아도 기록은 그대로이며, 다음에 열 때 다시 시작합니다.</translation>
    </message>
</context>
<context>
    <name>UnreviewedFlagsPrompt</name>
    <message>
        <source>Finish consultation</source>
        <translation>상담 마치기</translation>
    </message>
    <message>
        <source>Some risk flags have not been reviewed yet.</source>
        <translation>아직 검토하지 않은 위험 신호가 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n high</source>
        <translation>
            <numerusform>높음 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moderate</source>
        <translation>
            <numerusform>중간 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Not reviewed: {counts}. Finish the consultation anyway?</source>
        <translation>검토하지 않음: {counts}. 그래도 상담을 마칠까요?</translation>
    </message>
    <message>
        <source>Finish anyway</source>
        <translation>그래도 마치기</translation>
    </message>
    <message>
        <source>Go back and review</source>
        <translation>돌아가서 검토하기</translation>
    </message>
</context>
<context>
    <name>UnsavedPrompt</name>
    <message>
        <source>Not saved</source>
        <translation>저장되지 않음</translation>
    </message>
    <message>
        <source>The last edits of this consultation are not saved.</source>
        <translation>이 상담의 마지막 변경 내용이 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>If the consultation is closed now, these edits are lost. Try again, keep it open and fix what the message says, or save a copy to a file.</source>
        <translation>지금 상담을 닫으면 이 변경 내용은 사라집니다. 다시 시도하거나, 열어 둔 채 안내대로 고치거나, 사본을 파일로 저장하세요.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>열어 두기</translation>
    </message>
    <message>
        <source>Save a copy to a file…</source>
        <translation>사본을 파일로 저장…</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>동의 철회</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>철회일</translation>
    </message>
    <message>
        <source>From this date on, nothing is shared on the basis of this consent.</source>
        <translation>이 날짜부터는 이 동의를 근거로 어떤 정보도 제공하지 않습니다.</translation>
    </message>
</context>
</TS>
