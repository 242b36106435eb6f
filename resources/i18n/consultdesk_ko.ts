<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
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
        <source>Welfare centres</source>
        <translation>복지관</translation>
    </message>
    <message>
        <source>Case workers</source>
        <translation>사례담당자</translation>
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
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected problem</source>
        <translation>예상하지 못한 문제</translation>
    </message>
    <message>
        <source>Something went wrong. What you saved is safe, and the details were written to the log file in the data folder. You can keep working.</source>
        <translation>문제가 생겼습니다. 저장한 내용은 안전하며, 자세한 내용은 데이터 폴더의 로그 파일에 기록했습니다. 계속 작업하셔도 됩니다.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
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
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
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
        <source>Welfare centres</source>
        <translation>복지관</translation>
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
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ConsultDesk</source>
        <translation>복약상담 데스크 정보(&amp;A)</translation>
    </message>
    <message>
        <source>{name} · {count} residents</source>
        <translation>{name} · 내담자 {count}명</translation>
    </message>
    <message>
        <source>About ConsultDesk</source>
        <translation>복약상담 데스크 정보</translation>
    </message>
    <message>
        <source>ConsultDesk {version}
Medication consultations for visiting pharmacists.
Residents&apos; data stays encrypted on this computer.
Korean font: Nanum Gothic (SIL Open Font License 1.1).</source>
        <translation>복약상담 데스크 {version}
찾아가는 복약상담을 위한 약사용 프로그램입니다.
내담자 정보는 이 컴퓨터에 암호화되어 저장됩니다.
한글 글꼴: 나눔고딕 (SIL Open Font License 1.1).</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This looks like a resident registration number. ConsultDesk never stores one: the law allows it only with a specific legal basis, and the work does not need it. Remove it and use the birth date instead.</source>
        <translation>주민등록번호로 보이는 내용이 있습니다. 주민등록번호는 법령에 근거가 있을 때만 처리할 수 있고 복약상담에는 필요하지 않아 저장하지 않습니다. 지우고 생년월일을 대신 입력해 주세요.</translation>
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
        <source>Write the date as YYYY-MM-DD, for example 1948-03-05.</source>
        <translation>날짜는 YYYY-MM-DD 형식으로 입력하세요. 예: 1948-03-05</translation>
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
        <source>The disk is full. Free some space and save again; nothing you typed was lost.</source>
        <translation>디스크 공간이 부족합니다. 공간을 비운 뒤 다시 저장하세요. 입력한 내용은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>문제가 생겼습니다 ({code}).</translation>
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
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD (예: 1948-03-05)</translation>
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
</context>
<context>
    <name>ResidentTableModel</name>
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
    <message>
        <source>{age} years</source>
        <translation>{age}세</translation>
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
    <message>
        <source>Showing {shown} of {total} residents — type to narrow the list</source>
        <translation>내담자 {total}명 중 {shown}명 표시 — 검색어를 입력해 좁혀 보세요</translation>
    </message>
    <message>
        <source>{total} residents</source>
        <translation>내담자 {total}명</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
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
        <source>The window is redrawn in the new language at once.</source>
        <translation>저장하면 바로 새 언어로 화면이 바뀝니다.</translation>
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
        <source>Pharmacist name</source>
        <translation>약사 이름</translation>
    </message>
    <message>
        <source>Pharmacy or organisation</source>
        <translation>약국 또는 기관</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>연락처</translation>
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
